"""The stages that label lines, cut spans or note metadata; `cleaner.pipeline` orders them."""
