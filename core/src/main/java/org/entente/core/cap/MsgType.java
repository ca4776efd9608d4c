package org.entente.core.cap;

/** {@code alert/msgType} (CAP 1.2 section 3.2.1): the nature of the alert message. */
public enum MsgType {
    Alert, Update, Cancel, Ack, Error
}
