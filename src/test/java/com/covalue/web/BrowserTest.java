package com.covalue.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.covalue.TestSupport;
import com.covalue.app.Assessments;
import com.covalue.app.User;
import com.covalue.model.Role;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web app end to end in a real browser: Debian's headless Chromium through its chromedriver.
 * A lead signs in, opens an assessment (the facts offered from the previous snapshot), each side
 * answers on its own link (the client on a phone-sized window), the lead closes it and sees the
 * advice and the history chart; a viewer cannot write, a forged form and an expired link are
 * refused; an admin revokes a user's tokens and removes a user. One service and two browsers (a
 * desktop window and a phone) serve every step. Every page is screenshotted into target/screenshots, and
 * checked with axe-core (serious or critical violations fail) unless the same template was checked
 * in the same window already (about 1.6 s per check).
 *
 * <p>Skipped when Chromium or chromedriver is not installed, unless the environment variable
 * {@code COVALUE_BROWSER_TESTS=required} (set by {@code .ci/run}) makes it a failure.
 */
class BrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target/screenshots");
    private static final Map<String, String> AXE = new LinkedHashMap<>();

    @TempDir
    static Path profiles;

    @BeforeAll
    static void browserPresent() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            if ("required".equals(System.getenv("COVALUE_BROWSER_TESTS"))) {
                fail("COVALUE_BROWSER_TESTS=required but " + CHROMIUM + " or " + CHROMEDRIVER
                        + " is missing (apt-get install chromium chromium-driver)");
            }
            Assumptions.abort("Chromium is not installed (" + CHROMIUM + ", " + CHROMEDRIVER + "); browser tests skipped");
        }
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void writeAxeSummary() throws IOException {
        if (!AXE.isEmpty()) {
            StringBuilder s = new StringBuilder("axe-core per page (violations by impact; serious or critical fail the test)\n");
            AXE.forEach((page, result) -> s.append(page).append(": ").append(result).append('\n'));
            Files.writeString(SHOTS.resolve("axe.txt"), s.toString());
            System.out.print(s);
        }
    }

    @Test
    void a_lead_runs_a_two_sided_assessment_in_the_browser(@TempDir Path data) throws Exception {
        long start = System.nanoTime();
        WebFixture.rules();
        System.out.printf("browser: rules loaded in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        try (WebFixture f = new WebFixture(data, WebConfig.closed())) {
            System.out.printf("browser: service up in %d ms%n", (System.nanoTime() - start) / 1_000_000);
            storeHistory(f);
            System.out.printf("browser: service up with its history in %d ms%n", (System.nanoTime() - start) / 1_000_000);
            WebDriver lead = browser(1280, 900, "lead");
            WebDriver phone = browser(390, 844, "phone", true);
            System.out.printf("browser: two browsers up at %d ms%n", (System.nanoTime() - start) / 1_000_000);
            try {
                // sign-in
                lead.get(f.origin + "/");
                assertThat(lead.getCurrentUrl()).contains("/signin?next=");
                check(lead, "signin");
                signIn(lead, "lee");
                assertThat(lead.findElement(By.tagName("h1")).getText()).isEqualTo("Portfolio");
                assertThat(lead.findElements(By.cssSelector("table.portfolio tbody tr"))).hasSize(3);
                check(lead, "portfolio");

                // the lead opens an assessment: the facts of the snapshot before are offered
                lead.get(f.origin + "/assessments");
                check(lead, "assessments");
                lead.findElement(By.id("relationship")).sendKeys("northwind-helpdesk");
                setDate(lead, "on", "2026-11-20");
                submitAndWait(lead, lead.findElement(By.cssSelector("form[action='/assessments/new'] button")));
                assertThat(lead.findElement(By.id("f-openness-escalationsOpen")).getAttribute("value")).isEqualTo("5");
                check(lead, "assessment-facts");
                new Select(lead.findElement(By.id("f-governance-escalationPath"))).selectByVisibleText("yes");
                WebElement open = lead.findElement(By.id("f-openness-escalationsOpen"));
                open.clear();
                open.sendKeys("1");
                submitAndWait(lead, lead.findElement(By.cssSelector("form.facts button[type=submit]")));
                String clientLink = lead.findElement(By.id("link-client")).getAttribute("value");
                String supplierLink = lead.findElement(By.id("link-supplier")).getAttribute("value");
                assertThat(clientLink).startsWith(f.origin + "/r/");
                assertThat(lead.getCurrentUrl()).as("the form answered with a redirect").matches(".*/assessments/[A-Za-z0-9_-]+")
                        .doesNotContain("/r/");
                check(lead, "assessment-links");
                lead.navigate().refresh();
                assertThat(lead.findElements(By.id("link-client"))).as("the links are shown once").isEmpty();
                assertThat(f.covalue.assessments().all()).as("a refresh opens no second assessment").hasSize(1);

                // the client answers on a phone: a draft first, then everything, then sends
                phone.get(clientLink);
                check(phone, "questionnaire-phone");
                long started = System.nanoTime();
                phone.findElement(By.id("respondentRole")).sendKeys("head of vendor management");
                answerFactor(phone, "governance", 2, "NO");
                submitAndWait(phone, phone.findElement(By.cssSelector("#governance button[name=next]")));
                assertThat(noticeSaying(phone, "draft")).contains("draft");
                assertThat(phone.findElement(By.cssSelector("input[name='p.GOV-01'][value=NO]")).isSelected()).isTrue();
                // the other six factors as a script, to keep the test short: the clicks above show the controls work
                for (String factor : List.of("trust", "openness", "delivery", "mutualGoals", "measurement", "innovation")) {
                    answerByScript(phone, factor, 2, "PARTLY");
                }
                submitAndWait(phone, phone.findElement(By.cssSelector("button[name=action][value=send]")));
                long clientMs = (System.nanoTime() - started) / 1_000_000;
                assertThat(noticeSaying(phone, "sent")).contains("sent");
                System.out.printf("browser: the client's 103 questions answered through the driver in %d ms%n", clientMs);

                // the supplier answers on its own link and never sees the client's answers
                // (in a desktop window: the link is all it takes, whoever's browser it is opened in)
                lead.get(supplierLink);
                assertThat(lead.findElements(By.cssSelector("input[type=radio][value=NO]:checked"))).isEmpty();
                assertThat(lead.getPageSource()).doesNotContain("head of vendor management");
                lead.findElement(By.id("respondentRole")).sendKeys("account director");
                for (String factor : List.of("governance", "trust", "openness", "delivery", "mutualGoals", "measurement", "innovation")) {
                    answerByScript(lead, factor, 4, "YES");
                }
                submitAndWait(lead, lead.findElement(By.cssSelector("button[name=action][value=send]")));
                check(lead, "questionnaire-sent");

                // the lead closes it and sees the advice and the history chart
                lead.get(f.origin + "/assessments");
                submitAndWait(lead, lead.findElement(By.linkText("northwind-helpdesk")));
                assertThat(lead.findElements(By.xpath("//td[text()='answered']"))).hasSize(2);
                check(lead, "assessment");
                submitAndWait(lead, lead.findElement(By.cssSelector("form[action$='/close'] button")));
                assertThat(lead.getCurrentUrl()).contains("/relationships/northwind-helpdesk");
                assertThat(lead.findElements(By.cssSelector("svg.history .series.overall circle"))).hasSize(3);
                assertThat(lead.findElement(By.id("h-advice")).getText()).contains("2026-11-20");
                assertThat(lead.findElements(By.cssSelector("ol.recs li.rec"))).isNotEmpty();
                assertThat(lead.findElements(By.cssSelector("table.matching tbody tr"))).isNotEmpty();
                assertThat(lead.findElements(By.cssSelector("svg.dumbbell"))).hasSize(1);
                check(lead, "relationship");
                submitAndWait(lead, lead.findElement(By.partialLinkText("Show the rules")));
                assertThat(lead.findElements(By.cssSelector("li.rec details"))).isNotEmpty();

                lead.get(f.origin + "/rules");
                assertThat(lead.findElements(By.cssSelector("details.practice-rules")).size()).isGreaterThanOrEqualTo(96);
                check(lead, "rules");
                lead.get(f.origin + "/?verdict=&within=200&factor=trust&below=60&sort=renewal");
                screenshot(lead, "portfolio-filtered"); // the portfolio's template, checked above
                lead.get(f.origin + "/portfolio/review");
                check(lead, "portfolio-review");

                // a forged form (no CSRF token) is refused
                lead.get(f.origin + "/account");
                check(lead, "account");
                ((JavascriptExecutor) lead).executeScript(
                        "document.querySelector(\"form[action='/account/tokens'] input[name=_csrf]\").remove();");
                submitAndWait(lead, lead.findElement(By.cssSelector("form[action='/account/tokens'] button")));
                assertThat(lead.findElement(By.cssSelector(".error-message")).getText()).contains("CSRF");
                screenshot(lead, "csrf-refused"); // the error page's template, checked below with the viewer's menu

                // a viewer reads but cannot write
                switchUser(lead, f.origin, "vic");
                lead.get(f.origin + "/assessments");
                assertThat(lead.findElements(By.cssSelector("form[action='/assessments/new']"))).isEmpty();
                lead.get(f.origin + "/assessments/new?relationship=northwind-helpdesk");
                assertThat(lead.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
                check(lead, "viewer-refused");
                Assessments.Opened later = f.covalue.assessments().open(new User("lee", Role.LEAD), "contoso-payroll",
                        LocalDate.of(2026, 11, 23), TestSupport.exampleV2Json().deepCopy().removeAll(), Duration.ofDays(1));
                lead.get(f.origin + "/assessments/" + later.assessment().id());
                assertThat(lead.findElements(By.cssSelector("form[action$='/close'], form[action$='/revoke']"))).isEmpty();
                // even a form made by hand, with the viewer's own valid CSRF token, is refused by the server
                ((JavascriptExecutor) lead).executeScript("var f = document.createElement('form'); f.method = 'post';"
                        + "f.action = '/assessments/' + arguments[0] + '/close';"
                        + "f.appendChild(document.querySelector('form.signout input[name=_csrf]').cloneNode());"
                        + "document.body.appendChild(f); f.submit();", later.assessment().id());
                assertThat(lead.findElement(By.cssSelector(".error-message")).getText()).contains("lead role");
                assertThat(f.covalue.assessments().assessment(later.assessment().id()).closed()).isFalse();

                // an admin revokes the viewer's tokens and removes the lead from the account page
                f.covalue.accounts().newToken(new User("vic", Role.VIEWER), "report script");
                switchUser(lead, f.origin, "ada");
                lead.get(f.origin + "/account");
                submitAndWait(lead, lead.findElement(By.cssSelector("form[action='/account/users/vic/revoke-tokens'] button")));
                assertThat(noticeSaying(lead, "Revoked")).isEqualTo("Revoked vic's 1 API token.");
                submitAndWait(lead, lead.findElement(By.cssSelector("form[action='/account/users/lee/remove'] button")));
                assertThat(noticeSaying(lead, "Removed")).startsWith("Removed lee");
                check(lead, "account-admin");
                assertThat(f.covalue.accounts().users()).extracting(User::name).containsExactly("ada", "vic");

                // a link that has expired is refused
                f.clock.advance(Duration.ofDays(2));
                phone.get(f.origin + "/r/" + later.linkTokens().values().iterator().next());
                assertThat(phone.findElement(By.cssSelector(".error-message")).getText()).contains("expired");
                check(phone, "link-expired");
            } finally {
                lead.quit();
                phone.quit();
                System.out.printf("browser: whole test %d ms%n", (System.nanoTime() - start) / 1_000_000);
            }
        }
    }

    /** Rates a factor and gives every practice of it the same answer, by clicking the labels as a person would. */
    private static void answerFactor(WebDriver driver, String factor, int rating, String answer) {
        click(driver, driver.findElement(By.cssSelector("input[name='rating." + factor + "'][value='" + rating + "']")));
        for (WebElement radio : driver.findElements(By.cssSelector("#" + factor + " fieldset.practice input[value='" + answer + "']"))) {
            click(driver, radio);
        }
    }

    private static void answerByScript(WebDriver driver, String factor, int rating, String answer) {
        ((JavascriptExecutor) driver).executeScript("document.querySelector(\"input[name='rating.\" + arguments[0] + \"'][value='\" + arguments[1] + \"']\").checked = true;"
                + "document.querySelectorAll('#' + arguments[0] + \" fieldset.practice input[value='\" + arguments[2] + \"']\").forEach(r => r.checked = true);",
                factor, String.valueOf(rating), answer);
    }

    private static void click(WebDriver driver, WebElement radio) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", radio);
        radio.findElement(By.xpath("..")).click();
    }

    private static void setDate(WebDriver driver, String id, String value) {
        ((JavascriptExecutor) driver).executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
    }

    /** Screenshot (the whole page) and axe-core: serious or critical violations fail. */
    private static void check(WebDriver driver, String name) throws IOException {
        long start = System.nanoTime();
        Results results = axe().analyze(driver);
        Map<String, Integer> byImpact = new LinkedHashMap<>();
        List<String> blocking = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            byImpact.merge(rule.getImpact(), rule.getNodes().size(), Integer::sum);
            if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                blocking.add(rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).limit(3).toList());
            }
        }
        AXE.put(name, (byImpact.isEmpty() ? "no violations" : byImpact.toString()) + ", " + results.getPasses().size() + " rules passed");
        long axed = System.nanoTime();
        screenshot(driver, name);
        System.out.printf("browser: %s checked in %d ms (axe %d ms, screenshots %d ms)%n", name, (System.nanoTime() - start) / 1_000_000,
                (axed - start) / 1_000_000, (System.nanoTime() - axed) / 1_000_000);
        assertThat(blocking).as("serious or critical accessibility violations on " + name).isEmpty();
    }

    /**
     * axe-core run straight in the page (the "legacy" mode: our pages have no frames, so the
     * partial-results protocol, which ferries every node of every rule through a second window, buys
     * nothing), and reporting the nodes of violations only: passing rules are still listed, by name.
     */
    private static AxeBuilder axe() {
        AxeRunOptions options = new AxeRunOptions();
        options.setResultTypes(List.of("violations"));
        return new AxeBuilder().setLegacyMode(true).withOptions(options);
    }

    /** The top of the page as a visitor first sees it ({@code name.png}), and the whole page ({@code name-full.png}). */
    private static void screenshot(WebDriver driver, String name) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Number> size = (Map<String, Number>) ((JavascriptExecutor) driver).executeScript(
                "return {w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight, vh: window.innerHeight};");
        int width = size.get("w").intValue();
        save((ChromeDriver) driver, name + ".png", width, size.get("vh").intValue());
        save((ChromeDriver) driver, name + "-full.png", width, Math.min(size.get("h").intValue(), 8000));
    }

    private static void save(ChromeDriver driver, String file, int width, int height) throws IOException {
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Files.write(SHOTS.resolve(file), java.util.Base64.getDecoder().decode((String) shot.get("data")));
    }

    /** A desktop window of this size, or with {@code phone} a phone's screen (390 by 844 CSS pixels, touch). */
    private static WebDriver browser(int width, int height, String profile) {
        return browser(width, height, profile, false);
    }

    private static WebDriver browser(int width, int height, String profile, boolean phone) {
        ChromeOptions options = new ChromeOptions();
        if (phone) { // a desktop window cannot be narrower than 500 pixels; emulation gives a phone's viewport
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", width, "height", height, "pixelRatio", 1.0, "touch", true)));
        }
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-extensions", "--disable-default-apps", "--hide-scrollbars",
                "--user-data-dir=" + profiles.resolve(profile), "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            throw new AssertionError("Chromium did not start: " + e.getMessage(), e);
        }
        driver.manage().timeouts().implicitlyWait(Duration.ofMillis(500));
        return driver;
    }

    /** A portfolio to look at: three relationships, northwind-helpdesk with two snapshots before the assessment. */
    private static void storeHistory(WebFixture f) {
        ObjectNode v2 = TestSupport.exampleV2Json();
        store(f, with(v2, "2025-11-20", Map.of("openness.escalationsOpen", 9, "trust.faceToFacePerQuarter", 0,
                "views.client.ratings.trust", 1, "views.client.ratings.delivery", 2)));
        store(f, with(v2, "2026-05-20", Map.of("openness.escalationsOpen", 5, "views.client.ratings.trust", 2)));
        ObjectNode payroll = TestSupport.with(TestSupport.with(v2, "relationship.id", "contoso-payroll"), "relationship.name",
                "Contoso payroll outsourcing");
        store(f, with(TestSupport.with(payroll, "relationship.renewalDate", "2027-01-15"), "2026-06-01",
                Map.of("governance.escalationPath", true, "governance.successDefinedBothSides", true)));
        store(f, with(TestSupport.with(payroll, "relationship.renewalDate", "2027-01-15"), "2026-10-01",
                Map.of("governance.escalationPath", true, "governance.successDefinedBothSides", true, "trust.faceToFacePerQuarter", 6,
                        "governance.relationshipCharter", true)));
        ObjectNode cloud = TestSupport.with(TestSupport.with(v2, "relationship.id", "fabrikam-cloud"), "relationship.name",
                "Fabrikam cloud hosting");
        store(f, with(TestSupport.with(cloud, "relationship.renewalDate", "2028-06-30"), "2026-09-15",
                Map.of("governance.escalationPath", true, "openness.escalationsOpen", 0, "views.client.ratings.trust", 4,
                        "views.client.ratings.innovation", 4, "delivery.promiseRegister", true)));
    }

    private static ObjectNode with(ObjectNode base, String assessedOn, Map<String, Object> changes) {
        ObjectNode s = TestSupport.with(base, "assessedOn", assessedOn);
        for (Map.Entry<String, Object> c : changes.entrySet()) {
            s = TestSupport.with(s, c.getKey(), c.getValue());
        }
        if (s.at("/views/client/answeredOn").isTextual()) {
            s = TestSupport.without(TestSupport.without(s, "views.client.answeredOn"), "views.supplier.answeredOn");
        }
        return s;
    }

    private static void store(WebFixture f, ObjectNode snapshot) {
        f.covalue.storeAndAdvise(snapshot.at("/relationship/id").asText(), snapshot.toString(), false);
    }

    /**
     * Signs out from the account page and in again as {@code name}. CI once went to the next
     * address straight after the sign-in click had returned, abandoning the sign-in.
     */
    private static void switchUser(WebDriver driver, String origin, String name) {
        driver.get(origin + "/account");
        submitAndWait(driver, driver.findElement(By.cssSelector("form.signout button")));
        signIn(driver, name);
    }

    /**
     * Clicks something that leads to another page and waits until the old page has gone. The
     * click can return before the browser has followed it, and then the next look at the page
     * reads the old one, or the next {@code get} abandons the request the click sent.
     */
    private static void submitAndWait(WebDriver driver, WebElement element) {
        WebElement oldPage = driver.findElement(By.tagName("html"));
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> isGone(oldPage));
    }

    /**
     * Whether the element's page has been replaced. Asked while the new document is arriving,
     * chromedriver sometimes answers with an inspector error ("Node with given id does not belong to
     * the document") instead of a stale-element error; both mean the old page is gone.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Fills in the sign-in form on the page and waits until the page it leads to has arrived. */
    private static void signIn(WebDriver driver, String name) {
        driver.findElement(By.id("name")).sendKeys(name);
        driver.findElement(By.id("password")).sendKeys(WebFixture.PASSWORD);
        submitAndWait(driver, driver.findElement(By.cssSelector("form[action='/signin'] button")));
        assertThat(driver.findElements(By.cssSelector("form.signout"))).as("signed in as " + name).hasSize(1);
    }

    /**
     * The page's notice once it says {@code expected}, or whatever notice there is after 20 s (for
     * the assertion's message). A click that submits a form returns before the next page has
     * replaced the old one, so the old page's notice can be found and then go stale.
     */
    private static String noticeSaying(WebDriver driver, String expected) {
        By notice = By.cssSelector("p.notice");
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class).until(d -> {
                String text = d.findElement(notice).getText();
                return text.contains(expected) ? text : null;
            });
        } catch (TimeoutException e) {
            return driver.findElements(notice).stream().map(WebElement::getText).findFirst().orElse("(no notice on the page)");
        }
    }
}
