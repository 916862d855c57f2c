package com.halopsaconnector.testsupport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * A WireMock extension that runs a test's code while a stub's answer is on its way: after the
 * answer is made (for a proxy stub: after the upstream answered) and before it is sent. Tests use it
 * to order events by what happened ({@link Hold}) or to let time pass ({@link TestClock}) instead
 * of by delays, which a slow machine can outlast. Only for WireMock servers made in the test's own
 * JVM (FakeHalo, the proxies tests start), which pass {@link #extension()} to their options.
 */
public final class AnswerHooks implements ResponseTransformerV2 {

    static final String NAME = "answer-hooks";
    private static final String PARAMETER = "hook";
    private static final Map<String, Runnable> HOOKS = new ConcurrentHashMap<>();
    private static final AnswerHooks INSTANCE = new AnswerHooks();

    private AnswerHooks() {
    }

    public static AnswerHooks extension() {
        return INSTANCE;
    }

    /** {@code answer}, running the hook registered as {@code name} before it is sent. */
    public static ResponseDefinitionBuilder hooked(ResponseDefinitionBuilder answer, String name) {
        return answer.withTransformers(NAME).withTransformerParameter(PARAMETER, name);
    }

    public static void register(String name, Runnable hook) {
        HOOKS.put(name, hook);
    }

    public static void unregister(String name) {
        HOOKS.remove(name);
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        Object name = serveEvent.getTransformerParameters().get(PARAMETER);
        Runnable hook = name == null ? null : HOOKS.get(name.toString());
        if (hook != null) {
            hook.run();
        }
        return response;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
