/**
 * The warn stage: {@link org.entente.server.warn.WarningRule}s turn detections into warnings, each a CAP
 * 1.2 alert plus a STIX 2.1 report, addressed through the sharing policy to the members concerned with a
 * view that names and counts only what each may see. {@link org.entente.server.warn.Warnings} raises them,
 * delivers them over Server-Sent Events and signed webhooks, records acknowledgements and escalates what
 * stays unacknowledged past its deadline. Across nodes ({@code RemoteWarnings}) each recipient on another node
 * is sent its views, first warning and escalation alike, and shown them once per event ({@code EventKey});
 * acknowledgements recorded by any process on the store go back to the warnings' origins.
 */
package org.entente.server.warn;
