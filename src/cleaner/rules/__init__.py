"""Rule packs: data files of rules with ids, categories, scopes, patterns and examples."""

from .compiled import CompiledRules
from .loader import RulePackError, builtin_packs, load_pack, load_packs, rule_matches
from .matcher import Hit, RuleTimeout, ScopeMatcher
from .model import CAPTURE_FIELDS, Rule, RulePack, Scope

__all__ = [
    "CAPTURE_FIELDS",
    "CompiledRules",
    "Hit",
    "Rule",
    "RulePack",
    "RulePackError",
    "RuleTimeout",
    "Scope",
    "ScopeMatcher",
    "builtin_packs",
    "load_pack",
    "load_packs",
    "rule_matches",
]
