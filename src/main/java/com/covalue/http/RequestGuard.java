package com.covalue.http;

import java.util.Set;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The first handler every request meets, before Javalin: refuses what must never reach a route,
 * and adds the {@link SecurityHeaders}.
 *
 * <ul>
 *   <li>A method-override header ({@code X-HTTP-Method-Override} and its cousins). Javalin would
 *       route a {@code GET} carrying {@code X-HTTP-Method-Override: DELETE} as a DELETE, so a proxy
 *       that allows only GET, and our own metrics, would see one method while another ran.</li>
 *   <li>A method we do not serve, such as {@code get} in lower case (methods are case-sensitive),
 *       which Javalin would answer with an empty 500.</li>
 * </ul>
 */
final class RequestGuard extends Handler.Wrapper {

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final Set<String> OVERRIDE_HEADERS = Set.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override");

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        SecurityHeaders.addTo(response.getHeaders());
        if (!METHODS.contains(request.getMethod())) {
            Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
            return true;
        }
        for (String header : OVERRIDE_HEADERS) {
            if (request.getHeaders().contains(header)) {
                Response.writeError(request, response, callback, HttpStatus.BAD_REQUEST_400,
                        header + " is not accepted: send the request with the method you mean");
                return true;
            }
        }
        return super.handle(request, response, callback);
    }
}
