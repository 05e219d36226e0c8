package com.covalue.http;

import com.covalue.app.Covalue;
import io.javalin.http.Context;

/** Client/server IO for advice: read the body, one call to the front door, write JSON. */
final class AdviceController {

    private final Covalue covalue;
    private final ServiceConfig config;

    AdviceController(Covalue covalue, ServiceConfig config) {
        this.covalue = covalue;
        this.config = config;
    }

    void advise(Context ctx) {
        boolean explain = Boolean.parseBoolean(ctx.queryParam("explain"));
        Bodies.send(ctx, 200, covalue.advise(Bodies.json(ctx, config.maxBodyBytes()), explain));
    }

    void adviseBatch(Context ctx) {
        Bodies.send(ctx, 200, covalue.adviseBatch(Bodies.json(ctx, config.maxBodyBytes()), config.maxBatchItems()));
    }
}
