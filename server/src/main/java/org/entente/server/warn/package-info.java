/**
 * The warn stage: {@link org.entente.server.warn.WarningRule}s turn detections into warnings, each a CAP
 * 1.2 alert plus a STIX 2.1 report, addressed through the sharing policy to the members concerned with a
 * view that names and counts only what each may see. {@link org.entente.server.warn.Warnings} raises them,
 * delivers them over Server-Sent Events and signed webhooks, records acknowledgements and escalates what
 * stays unacknowledged past its deadline. Across nodes ({@code RemoteWarnings}) each recipient on another node
 * is sent its views, first warning and escalation alike, and shown them once per event ({@code EventKey});
 * acknowledgements recorded by any process on the store go back to the warnings' origins, to every peer that
 * sent a view of the event (each view is its sender's own report, {@code WarningDocuments#reportId}). An escalation's id
 * derives from the warning it follows up and the member escalating it ({@code Escalation#id}), so when several
 * peers escalate one event to this node's member, the one escalation shown stands for all of them: its
 * acknowledgement is sent to each of those peers once, recorded in the store before it is sent (and sent within
 * the second, whichever process recorded it, also after a restart), and a peer whose escalation comes after it
 * is answered at once. The warn stage hears of each cluster once: the index stage does not report again what it
 * reads again after a delete (an older version in a deleted one's place; see
 * {@link org.entente.server.index.CorrelationIndexer}).
 */
package org.entente.server.warn;
