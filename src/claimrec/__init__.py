"""claimrec: claim-level fact reconciliation for news."""

__version__ = "0.1.0"
