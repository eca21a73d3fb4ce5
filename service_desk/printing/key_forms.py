"""Printed forms of the key_forms desk (registered with printing.forms)."""
