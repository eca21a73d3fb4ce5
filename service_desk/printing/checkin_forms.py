"""Printed forms of the checkin_forms desk (registered with printing.forms)."""
