package cn.changning.governance.syntheticdata;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The check characters against the standards' own worked examples. */
class CheckCharactersTest {

    @Test
    void identityNumberCheckIsIso7064Mod11_2() {
        // GB 11643's example: weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 over 11010519491231002 sum to 167;
        // 167 mod 11 = 2, which maps to X.
        assertThat(ResidentIdentityNumbers.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(ResidentIdentityNumbers.isValid("11010519491231002X")).isTrue();
        assertThat(ResidentIdentityNumbers.isValid("110105194912310021")).isFalse();
        assertThat(ResidentIdentityNumbers.isValid("1101051949123100")).isFalse();
    }

    @Test
    void creditCodeCheckIsGb32100Mod31() {
        // GB 32100's example code 91350100M000100Y43: its organisation code M000100Y4 checks by GB 11714.
        assertThat(CreditCodes.isValid("91350100M000100Y43")).isTrue();
        assertThat(CreditCodes.organizationCodeCheck("M000100Y")).isEqualTo('4');
        assertThat(CreditCodes.isValid("91350100M000100Y44")).isFalse();
        assertThat(CreditCodes.isValid("91350100M000100I43")).as("I is not in the alphabet").isFalse();
    }
}
