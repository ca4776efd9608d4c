/**
 * CAP 1.2 (OASIS Common Alerting Protocol, version 1.2, 2010) as values: an {@link org.entente.core.cap.Alert}
 * with its {@link org.entente.core.cap.Info} blocks, {@link org.entente.core.cap.Resource}s and
 * {@link org.entente.core.cap.Area}s. Enumerated values keep the specification's spelling, so that
 * {@code Status.Exercise} reads as the XML says it. The XML form lives in {@code cap.codec}.
 */
package org.entente.core.cap;
