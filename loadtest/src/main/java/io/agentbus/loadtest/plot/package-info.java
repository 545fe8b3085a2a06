/**
 * The plot of a run: a self-contained HTML page (no script, no network) with inline SVG charts —
 * latency by percentile on the usual logarithmic 1/(1−p) axis from 0 to 99.999 %, and messages
 * sent and delivered per second over time — and its PNG rendering by headless Chromium when that
 * is installed.
 */
package io.agentbus.loadtest.plot;
