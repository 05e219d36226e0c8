package com.covalue.http;

import org.eclipse.jetty.http.HttpFields;

/**
 * Headers every answer of the service carries: browsers must not guess a JSON body to be HTML
 * ({@code nosniff}), and nothing keeps answers that may hold a relationship's facts
 * ({@code no-store}: advice and history are private and change with every reload).
 */
final class SecurityHeaders {

    private SecurityHeaders() {
    }

    static void addTo(HttpFields.Mutable headers) {
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Cache-Control", "no-store");
    }
}
