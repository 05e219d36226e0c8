package com.covalue.http;

import com.covalue.app.Covalue;
import io.javalin.http.Context;
import java.util.List;

/** Client/server IO for advice: read the body, one call to the front door, write JSON. */
final class AdviceController {

    private static final List<String> ADVICE_PARAMETERS = List.of("explain");

    private final Covalue covalue;
    private final ServiceConfig config;

    AdviceController(Covalue covalue, ServiceConfig config) {
        this.covalue = covalue;
        this.config = config;
    }

    void advise(Context ctx) {
        QueryParams query = QueryParams.of(ctx).onlyKnown(ADVICE_PARAMETERS);
        boolean explain = query.bool("explain");
        query.check();
        Bodies.send(ctx, 200, covalue.advise(Bodies.json(ctx, config.maxBodyBytes()), explain));
    }

    void adviseBatch(Context ctx) {
        QueryParams.of(ctx).onlyKnown(List.of()).check();
        Bodies.send(ctx, 200, covalue.adviseBatch(Bodies.json(ctx, config.maxBodyBytes()), config.maxBatchItems()));
    }
}
