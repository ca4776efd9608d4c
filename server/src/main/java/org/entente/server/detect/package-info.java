/**
 * The detect stage's output: {@link org.entente.server.detect.Detection}s (indicator matches, cross-border
 * clusters; later hazard and epidemic findings) with the evidence behind them. The warn stage consumes them.
 */
package org.entente.server.detect;
