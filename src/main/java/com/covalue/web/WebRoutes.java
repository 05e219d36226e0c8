package com.covalue.web;

import com.covalue.app.Covalue;
import com.covalue.app.RuleRegistry;
import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;

/**
 * The web app for the people who run relationships, served beside the API: sign-in, portfolio,
 * relationship pages, two-sided assessments with their respondent links, and the rules; plus the
 * access gate in front of everything, and the JSON endpoints of assessments, tokens and users.
 */
public final class WebRoutes {

    private WebRoutes() {
    }

    /**
     * Adds the gate and the routes.
     *
     * @param adminToken the service's admin token (acts as an admin), or null
     * @param writeToken the service's write token (acts as a lead), or null
     */
    public static void register(RoutesConfig routes, Covalue covalue, RuleRegistry registry, String adminToken, String writeToken,
            WebConfig config, Clock clock) {
        Sessions sessions = new Sessions(clock, config.sessionLifetime(), covalue.accounts());
        routes.beforeMatched(new AccessGate(sessions, covalue.accounts(), adminToken, writeToken, config)::handle);
        byte[] css = resource("/web/app.css");
        routes.get("/static/app.css", ctx -> ctx.contentType("text/css; charset=utf-8").header("Cache-Control", "max-age=3600").result(css));

        RulesPage rules = new RulesPage(covalue, registry);
        routes.get("/rules", Pages.page(rules::show));
        if (!covalue.hasHistory()) {
            return; // no store: no users, relationships or assessments
        }
        SignInPages signIn = new SignInPages(covalue.accounts(), sessions, new SignInThrottle(clock));
        routes.get("/signin", Pages.page(signIn::form));
        routes.post("/signin", Pages.page(signIn::signIn));
        routes.post("/signout", Pages.page(signIn::signOut));

        AccountPage account = new AccountPage(covalue.accounts(), sessions);
        routes.get("/account", Pages.page(account::show));
        routes.post("/account/tokens", Pages.page(account::newToken));
        routes.post("/account/tokens/revoke", Pages.page(account::revokeMyTokens));
        routes.post("/account/users", Pages.page(account::addUser));
        routes.post("/account/users/{name}/remove", Pages.page(account::removeUser));
        routes.post("/account/users/{name}/revoke-tokens", Pages.page(account::revokeTokens));
        routes.post("/api/v1/tokens", account::apiNewToken);
        routes.post("/api/v1/users", account::apiAddUser);
        routes.delete("/api/v1/users/{name}", account::apiRemoveUser);
        routes.delete("/api/v1/users/{name}/tokens", account::apiRevokeTokens);

        PortfolioPage portfolio = new PortfolioPage(covalue);
        routes.get("/", Pages.page(portfolio::show));
        routes.get("/portfolio.csv", Pages.page(portfolio::csv));
        routes.get("/portfolio/review", Pages.page(portfolio::review));

        RelationshipPage relationship = new RelationshipPage(covalue);
        routes.get("/relationships/{id}", Pages.page(relationship::show));
        routes.get("/relationships/{id}/snapshots/{assessedOn}/snapshot.json", Pages.page(relationship::snapshotJson));
        routes.get("/relationships/{id}/snapshots/{assessedOn}/advice.json", Pages.page(relationship::adviceJson));

        AssessmentPages assessments = new AssessmentPages(covalue, config, sessions);
        routes.get("/assessments", Pages.page(assessments::list));
        routes.get("/assessments/new", Pages.page(assessments::newForm));
        routes.post("/assessments", Pages.page(assessments::open));
        routes.get("/assessments/{id}", Pages.page(assessments::show));
        routes.post("/assessments/{id}/close", Pages.page(assessments::close));
        routes.post("/assessments/{id}/links/{side}/revoke", Pages.page(assessments::revoke));
        routes.post("/assessments/{id}/links/{side}/reissue", Pages.page(assessments::reissue));

        QuestionnairePage questionnaire = new QuestionnairePage(covalue.assessments());
        routes.get("/r/{token}", Pages.page(questionnaire::show));
        routes.post("/r/{token}", Pages.page(questionnaire::save));

        AssessmentApi api = new AssessmentApi(covalue, config);
        routes.post("/api/v1/assessments", api::open);
        routes.get("/api/v1/assessments", api::list);
        routes.get("/api/v1/assessments/{id}", api::one);
        routes.post("/api/v1/assessments/{id}/close", api::close);
        routes.post("/api/v1/assessments/{id}/links/{side}/revoke", api::revoke);
        routes.post("/api/v1/assessments/{id}/links/{side}/reissue", api::reissue);
        routes.get("/api/v1/respond/{token}", api::questionnaire);
        routes.put("/api/v1/respond/{token}", api::answer);
    }

    private static byte[] resource(String name) {
        try (InputStream in = WebRoutes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
