package com.covalue.web;

import com.covalue.app.Assessments;
import com.covalue.model.CovalueException;
import com.covalue.model.ErrorCode;
import com.covalue.model.Factor;
import com.covalue.model.PracticeAnswer;
import com.covalue.model.Problem;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A respondent's questionnaire, opened by its link: the side's ratings of the seven factors and
 * its answer to each practice, one section per factor. Every "save" button posts the whole form,
 * so answers are kept as a draft section by section; "send" marks them final. No JavaScript.
 */
public final class QuestionnairePage {

    /** The page: the questions, this side's answers so far, and what just happened. */
    public record QuestionnaireView(Assessments.Questionnaire questionnaire, String token, String message, List<Problem> problems) {
        public String answer(String practice) {
            PracticeAnswer a = questionnaire.answers().practices().get(practice);
            return a == null ? "" : a.name();
        }

        public Integer rating(Factor factor) {
            return questionnaire.answers().ratings().get(factor.key());
        }

        public String role() {
            String r = questionnaire.answers().respondentRole();
            return r == null ? "" : r;
        }

        public int answeredCount() {
            return questionnaire.answers().practices().size() + questionnaire.answers().ratings().size();
        }
    }

    private final Assessments assessments;

    QuestionnairePage(Assessments assessments) {
        this.assessments = assessments;
    }

    void show(Context ctx) {
        String token = ctx.pathParam("token");
        String saved = ctx.queryParam("saved");
        String message = "sent".equals(saved) ? "Thank you: your answers are sent. You can still change them until the assessment is closed."
                : "draft".equals(saved) ? "Saved as a draft." : null;
        Pages.render(ctx, 200, "web/questionnaire.jte", new QuestionnaireView(assessments.questionnaire(token), token, message, List.of()));
    }

    void save(Context ctx) {
        String token = ctx.pathParam("token");
        Assessments.Questionnaire q = assessments.questionnaire(token);
        Map<String, Integer> ratings = new HashMap<>();
        Map<String, PracticeAnswer> practices = new HashMap<>();
        for (Assessments.FactorQuestions f : q.factors()) {
            String rating = ctx.formParam("rating." + f.factor().key());
            if (rating != null && !rating.isEmpty()) {
                ratings.put(f.factor().key(), number("rating." + f.factor().key(), rating));
            }
            for (Assessments.Question question : f.questions()) {
                String answer = ctx.formParam("p." + question.practice());
                if (answer != null && !answer.isEmpty()) {
                    practices.put(question.practice(), answer(question.practice(), answer));
                }
            }
        }
        boolean send = "send".equals(ctx.formParam("action"));
        assessments.answer(token, new Assessments.Answers(ctx.formParam("respondentRole"), ratings, practices), send);
        String next = ctx.formParam("next");
        String anchor = next != null && next.matches("[a-zA-Z-]{1,30}") ? "#" + next : "";
        ctx.redirect("/r/" + token + "?saved=" + (send ? "sent" : "draft") + anchor);
    }

    private static int number(String field, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new CovalueException(ErrorCode.INVALID_PARAMETER, "A rating is 1 to 5.", List.of(Problem.atField(field, "not a number")));
        }
    }

    private static PracticeAnswer answer(String practice, String value) {
        try {
            return PracticeAnswer.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new CovalueException(ErrorCode.INVALID_PARAMETER, "An answer is yes, partly, no or don't know.",
                    List.of(Problem.atField("p." + practice, "not one of YES, PARTLY, NO")));
        }
    }
}
