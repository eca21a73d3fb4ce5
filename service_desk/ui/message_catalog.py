"""Every desk's refusal texts and field names, loaded when the first one is needed.

A desk's message module registers the texts of its own codes when it is imported;
desks are built (and imported) when first shown, but a message may be needed earlier:
the settings desk refuses an appointment capacity before the appointments desk was
ever opened. ui/messages imports this module at the first lookup, so that
every text is there.
"""

from service_desk.ui import (  # noqa: F401  (imported for their registrations)
    appointments_messages,
    campaign_messages,
    care_messages,
    checkin_messages,
    checkout_messages,
    contact_messages,
    key_messages,
    setup_messages,
    validation_messages,
    warranty_messages,
    workshop_messages,
)
