package com.covalue.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import org.junit.jupiter.api.Test;

class AccountsTest {

    @Test
    void the_hash_an_unknown_name_is_checked_against_costs_as_much_as_a_real_one() {
        BCrypt.Result checked = BCrypt.verifyer().verify("not a password".toCharArray(), Accounts.DUMMY_HASH.toCharArray());
        assertTrue(checked.validFormat, "a well-formed bcrypt hash");
        assertTrue(checked.verified);
        assertEquals(Accounts.COST, checked.details.cost);
    }
}
