/**
 * The detect stage: {@link org.entente.server.detect.Detector} keeps the indicators stored on the node in
 * the compiled engine ({@link org.entente.server.detect.HeldIndicators}) and matches the observed-data and
 * sightings stored after them; {@link org.entente.server.detect.ClusterDetections} turns clusters the
 * correlation index reached into detections; {@link org.entente.server.detect.ObservationIntake} matches
 * high-volume observation streams and keeps only the hits, as sightings. The output is
 * {@link org.entente.server.detect.Detection}s (indicator matches, cross-border clusters; later hazard and
 * epidemic findings) with the evidence behind them, which the warn stage consumes.
 */
package org.entente.server.detect;
