package com.halopsaconnector.settingspage;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.halopsaconnector.web.FunctionRole;
import com.halopsaconnector.web.NotFoundProblem;

/**
 * The settings page: the reference for the platform's "Halo PSA" page, and the way to use the
 * connector in a local run. Served only while {@code connector.ui.enabled} (FunctionRole hides these
 * paths otherwise); it calls the config API like any client, with a JWT it is given.
 */
@Path("/")
public class SettingsPageResource {

    @Inject
    SettingsPageFiles files;

    @Inject
    DevToken devToken;

    @GET
    public Response page() {
        return file("index.html");
    }

    @GET
    @Path(FunctionRole.SETTINGS_PAGE_FILES + "/{name}")
    public Response file(@PathParam("name") String name) {
        return files.find(name)
                .map(file -> SecurityHeaders.addTo(Response.ok(file.content(), file.mediaType())).build())
                .orElseThrow(() -> new NotFoundProblem("No such resource."));
    }

    /** Local runs only: the development JWT that run.sh wrote, so that nobody has to paste one. */
    @GET
    @Path(FunctionRole.SETTINGS_PAGE_FILES + "/dev-token")
    public Response devToken() {
        return devToken.read()
                .map(token -> SecurityHeaders.addTo(Response.ok(token, MediaType.TEXT_PLAIN_TYPE)).build())
                .orElseThrow(() -> new NotFoundProblem("No development token here; paste a platform JWT into the page."));
    }
}
