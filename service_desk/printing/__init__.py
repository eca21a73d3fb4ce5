"""Printed forms: fpdf2 renders templates from forms/ into PDF bytes. No Qt."""
