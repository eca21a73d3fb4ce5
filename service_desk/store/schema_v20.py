"""Schema of migration 020: the print log accepts the customer-care printouts — the
reminder and invitation letters 'letter' (one page per customer, no order), the
appointment statistics table 预约统计表 'appointment_stats' and the list of open
warranty claims 'warranty_claims' (rebuilt as in 003)."""

from service_desk.store import schema_v3, schema_v14

FORM_KINDS = (*schema_v14.FORM_KINDS, "letter", "appointment_stats", "warranty_claims")

STATEMENTS = schema_v3.rebuild(FORM_KINDS, "print_log_v19")
