package io.agentbus.orchestrator.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentbus.client.AgentBusClient;
import io.agentbus.client.Message;
import io.agentbus.client.Published;
import io.agentbus.orchestrator.worker.bus.Control;
import io.agentbus.protocol.Ids;
import io.agentbus.protocol.Priority;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code agentbus job pause|resume|stop --room R [--task T] [--worker W]}: publishes a control message. */
@Command(name = "job", mixinStandardHelpOptions = true,
        description = "Pause, resume or stop a job's workers: publishes {\"type\":\"pause|resume|stop\"} (with "
                + "task_id / worker when given) into the job's room, at high priority. Prints the message's offset.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:published", "1:the server refused it", "2:cannot connect", "64:bad command line"})
final class JobCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private BusOptions bus;

    @Parameters(index = "0", paramLabel = "ACTION", description = "pause, resume or stop")
    private Control.Action action;

    @Option(names = "--room", required = true, paramLabel = "ROOM", description = "the job's room")
    private String room;

    @Option(names = "--task", paramLabel = "TASK_ID", description = "only this task (default: every task)")
    private String taskId;

    @Option(names = "--worker", paramLabel = "ID", description = "only this worker (default: every worker)")
    private String worker;

    @Option(names = "--reason", paramLabel = "TEXT", description = "why, for the room and the report")
    private String reason;

    @Override
    public Integer call() throws InterruptedException {
        if (!Ids.isValid(room)) {
            throw new IllegalArgumentException("--room must be an id matching [A-Za-z0-9][A-Za-z0-9._:-]{0,127}: " + room);
        }
        if (taskId != null && taskId.isBlank() || worker != null && worker.isBlank()) {
            throw new IllegalArgumentException("--task and --worker must not be empty");
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        String type = action.name().toLowerCase(Locale.ROOT);
        body.put("type", type);
        if (taskId != null) {
            body.put("task_id", taskId);
        }
        if (worker != null) {
            body.put("worker", worker);
        }
        if (reason != null) {
            body.put("reason", reason);
        }
        try (AgentBusClient client = bus.connect("job-cli-" + ProcessHandle.current().pid())) {
            Published ok = client.publish(room, Message.json(body.toString()).type(type)
                    .priority(Priority.HIGH)).get();
            spec.commandLine().getOut().println(ok.offset());
            spec.commandLine().getOut().flush();
            return 0;
        } catch (ExecutionException e) {
            spec.commandLine().getErr().println("agentbus: " + e.getCause().getMessage());
            return 1;
        }
    }
}
