"""Pure computation on answers with pandas, scikit-learn and textblob: no Flask, no database."""
