package com.covalue.cli;

import com.covalue.model.CovalueException;
import com.covalue.model.Problem;
import java.io.PrintWriter;

/** How every command tells a person what went wrong: one line, then one indented line per problem. */
final class Errors {

    private Errors() {
    }

    /** Prints the error and returns the exit code for bad input. */
    static int print(PrintWriter err, CovalueException e) {
        err.println("covalue: " + e.getMessage() + (e.problems().isEmpty() ? "" : ":"));
        for (Problem p : e.problems()) {
            err.println("  " + p.describe());
        }
        err.flush();
        return Main.BAD_INPUT;
    }

    /** Prints a one-line message and returns the exit code for bad input. */
    static int print(PrintWriter err, String message) {
        err.println("covalue: " + message);
        err.flush();
        return Main.BAD_INPUT;
    }
}
