package cn.changning.governance.partyregistry.domain.member;

import cn.changning.governance.contracts.registry.Gender;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The identity number's check character (ISO 7064 MOD 11-2) and the facts read from it, worked out by hand. */
class IdentityNumbersTest {

    @Test
    void theCheckCharacterIsTheWeightedSumModuloEleven() {
        // 3·7+1·9+0·10+1·5+0·8+5·4+1·2+9·1+8·6+0·3+0·7+1·9+0·10+1·5+1·8+2·4+3·2 = 150; 150 mod 11 = 7 → '5'
        assertThat(IdentityNumbers.checkCharacter("31010519800101123")).isEqualTo('5');
        // The textbook example: 11010519491231002 → X
        assertThat(IdentityNumbers.checkCharacter("11010519491231002")).isEqualTo('X');
    }

    @Test
    void theBirthDateAndGenderAreReadFromTheNumber() {
        IdentityNumbers.Facts odd = IdentityNumbers.read("310105198001011235");
        assertThat(odd.birthDate()).isEqualTo(LocalDate.of(1980, 1, 1));
        assertThat(odd.gender()).isEqualTo(Gender.MALE);
        // 17th digit 2: even, female; a lower-case x is the same check character.
        IdentityNumbers.Facts even = IdentityNumbers.read("11010519491231002x");
        assertThat(even.birthYear()).isEqualTo(1949);
        assertThat(even.gender()).isEqualTo(Gender.FEMALE);
    }

    @Test
    void aWrongCheckDigitIsRefusedWithoutQuotingTheNumber() {
        assertThatThrownBy(() -> IdentityNumbers.read("310105198001011234"))
                .isInstanceOf(IdentityNumbers.InvalidIdentityNumber.class)
                .hasMessageContaining("check digit").hasMessageNotContaining("310105198001011234");
    }

    @Test
    void aNumberWithoutAValidBirthDateIsRefused() {
        // 1980-02-30 does not exist; its check character is right (weighted sum 184, 184 mod 11 = 8 → '4').
        assertThatThrownBy(() -> IdentityNumbers.read("310105198002301234")).hasMessageContaining("birth date");
    }

    @Test
    void aNumberOfTheWrongShapeIsRefused() {
        assertThatThrownBy(() -> IdentityNumbers.read("3101051980010112")).hasMessageContaining("18 characters");
    }
}
