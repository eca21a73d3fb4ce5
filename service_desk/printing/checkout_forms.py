"""Printed forms of the checkout desk (registered with printing.forms)."""
