"""Run cleaner inside data-pipeline engines.

- :mod:`cleaner.integrations.spark`: ``clean_column`` for a PySpark DataFrame
  (``pip install 'cleaner[spark]'``).
- :mod:`cleaner.integrations.datatrove`: ``CleanerStep``, a datatrove pipeline step
  (``pip install 'cleaner[datatrove]'``).

Neither module is imported by ``import cleaner``; import the one you need.
"""
