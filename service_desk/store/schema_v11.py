"""Schema of migration 011: the print log accepts the checkout desk's forms, the
statement 结算单 and the quality guarantee certificate 质量保证书 (rebuilt as in 003)."""

from service_desk.store import schema_v3

FORM_KINDS = (*schema_v3.FORM_KINDS, "statement", "guarantee")

STATEMENTS = schema_v3.rebuild(FORM_KINDS, "print_log_v10")
