package org.entente.store;

/** A warning together with one recipient's view of it and that recipient's delivery and acknowledgement. */
public record AddressedWarning(StoredWarning warning, WarningRecipient recipient) {}
