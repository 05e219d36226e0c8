package com.covalue.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder replaced below. */
@Command(name = "verify")
final class VerifyCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 0;
    }
}
