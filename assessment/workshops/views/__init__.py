"""The consultant's side over HTTP, one module per job; throttling lives in ../throttling.py."""
