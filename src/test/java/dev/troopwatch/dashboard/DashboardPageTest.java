package dev.troopwatch.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The page in real headless Chromium over an in-memory backend: live feed, board, filters, keyboard, situation
 * page. (The same journey against the real pipeline on the embedded broker is in the pipeline browser test.)
 */
final class DashboardPageTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private InMemoryBackend memory;
    private DashboardServer server;
    private HeadlessChromium chromium;

    @BeforeEach
    void start() throws Exception {
        memory = new InMemoryBackend();
        memory.change("KP", "RU", "Kursk", "NEW_DEPLOYMENT", null, "DEPLOYED", 10_000L, 12_000L, "2024-10-20",
                "Wire One", "Pyongyang has moved a brigade to the Russian border region, an official said.");
        memory.change("KP", "RU", "Kursk", "ENGAGEMENT", "DEPLOYED", "ENGAGED", 11_000L, null, "2024-11-12",
                "Wire Two", "The brigade saw its first fighting this week, according to the ministry.");
        memory.rereport("KP", "RU", 11_000L, 13_000L, "2024-12-05", "Wire Five",
                "A second outlet put the force in the region at up to thirteen thousand.");
        memory.change("BY", "UA", null, "PLANNED", null, "PLANNED", null, 5_000L, "2025-03-02",
                "Wire Three", "Minsk is said to be preparing a contingent for the border.");
        server = DashboardServer.start(DashboardConfig.loopback(0), memory.backend());
        chromium = HeadlessChromium.start(1440, 1000);
    }

    @AfterEach
    void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        server.close();
    }

    @Test
    void liveFeedBoardFilterKeyboardAndSituationPage() {
        var driver = chromium.driver;
        driver.get(server.uri().toString());
        var wait = chromium.waitUpTo(WAIT);
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#connection .conn-text"), "Live"));
        assertEquals(3, driver.findElements(By.cssSelector("#feed .alert")).size());
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#board-body tr"), 2));

        memory.change("KP", "RU", "Kursk", "WITHDRAWAL", "ENGAGED", "WITHDRAWN", 3_000L, 4_000L, "2025-01-25",
                "Wire Four", "Most of the unit has been pulled back from the line, officials said.");
        WebElement newest = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#feed .alert.is-new[data-alert-id='KP-RU#3']")));
        assertTrue(newest.getText().contains("WITHDRAWAL"), newest.getText());
        assertEquals(newest, driver.findElements(By.cssSelector("#feed .alert")).get(0), "newest first");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#board-body tr[data-key='KP-RU']"), "WITHDRAWN"));
        chromium.screenshot("page-overview");
        assertEquals(List.of(), chromium.contrastFailures(), "all text meets WCAG AA contrast");
        ((JavascriptExecutor) driver).executeScript("const probe = document.createElement('span');"
                + "probe.id = 'dim-probe'; probe.textContent = 'dim text'; probe.style.color = '#3a3f47';"
                + "document.querySelector('.panel-head').append(probe);");
        assertEquals(1, chromium.contrastFailures().size(), "the contrast check catches dim text");
        ((JavascriptExecutor) driver).executeScript("document.getElementById('dim-probe').remove();");

        new Select(driver.findElement(By.id("f-host"))).selectByValue("UA");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#board-body tr"), 1));
        new Select(driver.findElement(By.id("f-host"))).selectByValue("");
        driver.findElement(By.id("f-text")).sendKeys("kursk");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#board-body tr"), 1));
        assertEquals("KP-RU", driver.findElement(By.cssSelector("#board-body tr")).getAttribute("data-key"));
        chromium.screenshot("page-filtered");

        WebElement row = tabUntil(driver, "KP-RU");
        assertEquals("tr", row.getTagName());
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        wait.until(ExpectedConditions.urlContains("#/situation/KP-RU"));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#timeline .tl-item"), 3));
        List<WebElement> items = driver.findElements(By.cssSelector("#timeline .tl-item"));
        assertTrue(items.get(2).getText().contains("WITHDRAWAL"), items.get(2).getText());
        assertEquals(4, driver.findElements(By.cssSelector("svg.chart circle.point")).size(),
                "one chart point per report with a figure");
        driver.findElement(By.cssSelector(".reports > summary")).click();
        assertEquals(4, driver.findElements(By.cssSelector(".reports-table tbody tr")).size(), "every report listed");
        driver.manage().window().setSize(new Dimension(1440, 2000));
        chromium.screenshot("page-situation");
        new Actions(driver).sendKeys(Keys.ESCAPE).perform();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("view-overview")));
        wait.until(d -> "KP-RU".equals(d.switchTo().activeElement().getAttribute("data-key")));
        new Actions(driver).sendKeys("/").perform();
        assertEquals("f-text", driver.switchTo().activeElement().getAttribute("id"), "/ jumps to the search");
        assertEquals(List.of(), chromium.contrastFailures(), "all text meets WCAG AA contrast");

        driver.manage().window().setSize(new Dimension(420, 900));
        driver.navigate().to(server.uri() + "#/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("view-overview")));
        chromium.screenshot("page-narrow");
    }

    @Test
    void feedReconnectsAfterTheServerGoesAwayAndMissesNothing() {
        var driver = chromium.driver;
        var wait = chromium.waitUpTo(WAIT);
        driver.get(server.uri().toString());
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#connection .conn-text"), "Live"));
        int port = server.port();
        server.close();
        wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(By.cssSelector("#connection .conn-text"),
                "Live")));
        chromium.screenshot("page-disconnected");
        // An alert committed while the page was cut off, then the server comes back on the same address.
        memory.change("BY", "UA", "Border", "NEW_DEPLOYMENT", "PLANNED", "DEPLOYED", 4_000L, 4_000L, "2025-03-20",
                "Wire Six", "The contingent crossed into the border area overnight, officials said.");
        server = DashboardServer.start(DashboardConfig.loopback(port), memory.backend());
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#connection .conn-text"), "Live"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#feed .alert.is-new[data-alert-id='BY-UA#2']")));
        assertEquals(4, driver.findElements(By.cssSelector("#feed .alert")).size(),
                "the replay after reconnecting adds the missed alert once and repeats none");
    }

    /** Presses Tab until the focused element is the board row for {@code key}; fails after 60 presses. */
    private static WebElement tabUntil(org.openqa.selenium.WebDriver driver, String key) {
        ((JavascriptExecutor) driver).executeScript("document.activeElement.blur(); window.scrollTo(0, 0);");
        for (int i = 0; i < 60; i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            WebElement focused = driver.switchTo().activeElement();
            if (key.equals(focused.getAttribute("data-key"))) {
                return focused;
            }
        }
        throw new AssertionError("Tab never reached the board row " + key);
    }
}
