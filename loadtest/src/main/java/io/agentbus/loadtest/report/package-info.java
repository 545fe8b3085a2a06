/**
 * What a run leaves behind: the progress line while it runs (stderr; a {@code \r}-updated bar
 * on a terminal, plain lines otherwise), the table at the end (stdout), and in the output
 * directory {@code results.json}, the HdrHistogram interval log {@code latency.hlog}, a
 * self-contained {@code plot.html} (inline SVG: latency by percentile on the usual
 * 1/(1−p) axis, throughput over time) and {@code plot.png} when headless Chromium is there to
 * render it. Latencies are recorded in microseconds and shown in milliseconds.
 */
package io.agentbus.loadtest.report;
