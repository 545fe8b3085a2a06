package io.agentbus.loadtest.cli;

import io.agentbus.loadtest.plot.PlotPage;
import io.agentbus.loadtest.plot.PngRenderer;
import io.agentbus.loadtest.report.ResultsJson;
import io.agentbus.loadtest.report.RunReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The output directory of one run and the files it gets. */
final class RunOutputs {
    static final String RESULTS = "results.json";
    static final String HLOG = "latency.hlog";
    static final String PLOT_HTML = "plot.html";
    static final String PLOT_PNG = "plot.png";

    private final Path dir;

    private RunOutputs(Path dir) {
        this.dir = dir;
    }

    /** Creates the directory (and its parents) if needed. */
    static RunOutputs create(Path dir) throws IOException {
        Files.createDirectories(dir);
        return new RunOutputs(dir);
    }

    Path hlog() {
        return dir.resolve(HLOG);
    }

    /** Writes the plot (and its PNG when asked and possible), then results.json; lists them on {@code out}. */
    void write(RunReport report, boolean png, PrintStream out) throws IOException {
        Path html = dir.resolve(PLOT_HTML);
        PlotPage.write(report, html);
        String pngProblem = png ? new PngRenderer(PngRenderer.DEFAULT_CHROMIUM).render(html, dir.resolve(PLOT_PNG))
                : "skipped: --no-png";
        Map<String, String> files = new LinkedHashMap<>();
        files.put("hlog", HLOG);
        files.put("plot_html", PLOT_HTML);
        files.put("plot_png", pngProblem == null ? PLOT_PNG : null);
        new ResultsJson(files).write(report, dir.resolve(RESULTS));
        out.println("wrote " + dir.resolve(RESULTS) + ", " + hlog() + ", " + html
                + (pngProblem == null ? ", " + dir.resolve(PLOT_PNG) : "; plot.png " + pngProblem));
        out.flush();
    }
}
