package com.halopsaconnector.lambdaruntime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JVM package of the functions (infra/package/jvm.sh), unpacked, started as Lambda starts a
 * {@code provided.al2023} function: {@code bootstrap} in the task root, with Lambda's environment and
 * {@code AWS_LAMBDA_RUNTIME_API} pointing at a {@link RuntimeApi} of its own.
 */
public final class JvmPackage {

    public static final Path ZIP = Path.of("target", "function-jvm.zip");
    public static final Path BUILT = Path.of("target", "jvm-package");

    private final Path root;

    private JvmPackage(Path root) {
        this.root = root.toAbsolutePath();
    }

    public static JvmPackage at(Path root) {
        if (!Files.isExecutable(root.resolve("bootstrap"))) {
            throw new IllegalStateException("No executable bootstrap in " + root + ": build it with infra/package/jvm.sh");
        }
        return new JvmPackage(root);
    }

    /** Unpacks the zip with {@code unzip}, which keeps file modes and times as Lambda's unpacking does. */
    public static JvmPackage unzip(Path zip, Path into) throws IOException, InterruptedException {
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException(zip + " is missing: build it with infra/package/jvm.sh");
        }
        Files.createDirectories(into);
        Process unzip = new ProcessBuilder("unzip", "-q", "-o", zip.toAbsolutePath().toString(), "-d", into.toString())
                .redirectErrorStream(true).start();
        String output = new String(unzip.getInputStream().readAllBytes());
        if (unzip.waitFor() != 0) {
            throw new IllegalStateException("unzip failed: " + output);
        }
        return at(into);
    }

    public Path root() {
        return root;
    }

    /** The package's own start command: its bootstrap, with the flags and AOT cache it was trained with. */
    public List<String> bootstrap() {
        return List.of(root.resolve("bootstrap").toString());
    }

    /**
     * The same runtime, class path and handler without the bootstrap's flags and cache: {@code jvmOptions}
     * only (for comparing start-up variants).
     */
    public List<String> javaCommand(List<String> jvmOptions) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("runtime/bin/java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(Files.readString(root.resolve("app/classpath")).trim());
        command.add("com.amazonaws.services.lambda.runtime.api.client.AWSLambda");
        command.add("io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest");
        return command;
    }

    /** Starts {@code command} in the task root as Lambda would, with {@code functionEnvironment} on top of Lambda's own variables. */
    public LambdaFunction start(List<String> command, Map<String, String> functionEnvironment, Path log) throws IOException {
        RuntimeApi api = RuntimeApi.start();
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        environment.put("LANG", "en_US.UTF-8");
        environment.put("TZ", ":UTC");
        environment.put("LAMBDA_TASK_ROOT", root.toString());
        environment.put("AWS_LAMBDA_RUNTIME_API", api.address());
        environment.put("AWS_LAMBDA_FUNCTION_NAME", "halopsa-connector-loopback");
        environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "256");
        environment.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/halopsa-connector-loopback");
        environment.put("AWS_LAMBDA_LOG_STREAM_NAME", "loopback");
        environment.put("AWS_REGION", "us-east-1");
        environment.put("AWS_DEFAULT_REGION", "us-east-1");
        environment.put("_HANDLER", "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest");
        environment.putAll(functionEnvironment);
        long startedNanos = System.nanoTime();
        try {
            return new LambdaFunction(builder.start(), api, startedNanos, log);
        } catch (IOException e) {
            api.close();
            throw e;
        }
    }
}
