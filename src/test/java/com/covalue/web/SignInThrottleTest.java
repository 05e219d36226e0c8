package com.covalue.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The sign-in throttle's arithmetic, on a clock the test moves: who waits, how long, and that no one waits for ever. */
class SignInThrottleTest {

    private final WebFixture.MovableClock clock = new WebFixture.MovableClock(Instant.parse("2026-11-23T12:00:00Z"));
    private final SignInThrottle throttle = new SignInThrottle(clock);

    @Test
    void one_address_guessing_one_name_waits_longer_and_longer_up_to_a_ceiling() {
        for (int i = 0; i < SignInThrottle.PAIR_FREE; i++) {
            assertThat(throttle.waitFor("lee", "10.0.0.9")).isEmpty();
            throttle.failed("lee", "10.0.0.9");
        }
        assertThat(throttle.waitFor("lee", "10.0.0.9")).contains(Duration.ofSeconds(30));
        assertThat(throttle.waitFor("lee", "10.0.0.1")).as("the real user at another address").isEmpty();
        clock.advance(Duration.ofSeconds(30));
        throttle.failed("lee", "10.0.0.9");
        assertThat(throttle.waitFor("lee", "10.0.0.9")).contains(Duration.ofSeconds(60));
        for (int i = 0; i < 10; i++) { // a patient guesser, trying each time the wait ends
            clock.advance(throttle.waitFor("lee", "10.0.0.9").orElseThrow());
            throttle.failed("lee", "10.0.0.9");
        }
        assertThat(throttle.waitFor("lee", "10.0.0.9")).contains(SignInThrottle.LONGEST);
        clock.advance(SignInThrottle.LONGEST);
        assertThat(throttle.waitFor("lee", "10.0.0.9")).isEmpty();
        clock.advance(SignInThrottle.WINDOW);
        throttle.failed("lee", "10.0.0.9");
        assertThat(throttle.waitFor("lee", "10.0.0.9")).as("forgotten after a quiet window: one failure is free again").isEmpty();
    }

    @Test
    void one_address_trying_many_names_is_slowed_too() {
        for (int i = 0; i < SignInThrottle.ADDRESS_FREE; i++) {
            throttle.failed("user" + i, "10.0.0.9");
        }
        assertThat(throttle.waitFor("someone-else", "10.0.0.9")).contains(Duration.ofSeconds(30));
        assertThat(throttle.waitFor("someone-else", "10.0.0.10")).isEmpty();
    }

    @Test
    void guessing_one_name_from_many_addresses_pauses_it_briefly_but_never_locks_it_out() {
        for (int i = 0; i < SignInThrottle.NAME_FREE + 50; i++) {
            throttle.failed("Lee", "10.0.1." + i);
        }
        assertThat(throttle.waitFor("lee", "192.168.1.5")).as("names are compared without case").contains(SignInThrottle.NAME_PAUSE);
        clock.advance(SignInThrottle.NAME_PAUSE);
        assertThat(throttle.waitFor("lee", "192.168.1.5")).isEmpty();
        throttle.succeeded("lee", "192.168.1.5");
        throttle.failed("lee", "10.0.2.1");
        assertThat(throttle.waitFor("lee", "192.168.1.5")).as("a success cleared the name's count").isEmpty();
    }
}
