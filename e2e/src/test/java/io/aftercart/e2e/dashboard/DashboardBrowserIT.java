package io.aftercart.e2e.dashboard;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.aftercart.app.AftercartApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard in headless Chromium against the all-in-one with the demo shop: sign in, open every page, check that
 * its charts are drawn with data and that no error is shown, save a screenshot of each page under
 * {@code target/screenshots/}, and check that a viewer cannot open a customer page.
 */
class DashboardBrowserIT {

    private static final String ADMIN_PASSWORD = "browser-test-admin";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Pages and the charts each must draw with data. */
    private static final Map<String, List<String>> PAGES = Map.of(
            "overview", List.of("chart-revenue", "chart-customers"),
            "retention", List.of("chart-cohort-customers", "chart-cohort-revenue", "chart-second-order"),
            "experience", List.of("chart-nps", "chart-returns-product", "chart-returns-reason",
                    "chart-sentiment-aspect"),
            "models", List.of("chart-calibration"),
            "pipeline", List.of("chart-ingest", "chart-lag"),
            "customers", List.of(),
            "account", List.of(),
            "admin", List.of());

    private static Path dataDir;
    private static ConfigurableApplicationContext app;
    private static String base;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startAppWithDemoShop() throws Exception {
        dataDir = Files.createTempDirectory("dashboard-e2e");
        app = new SpringApplicationBuilder(AftercartApplication.class).run(
                "--server.port=0", "--server.address=127.0.0.1", "--aftercart.kafka.embedded-port=0",
                "--aftercart.data-dir=" + dataDir, "--aftercart.gateway.admin-password=" + ADMIN_PASSWORD,
                "--aftercart.demo.enabled=true", "--aftercart.demo.customers=300",
                "--aftercart.demo.history-days=120");
        base = "http://127.0.0.1:" + app.getEnvironment().getRequiredProperty("local.server.port");
        awaitDemoData();
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void everyPageRendersItsChartsWithDataForAnAdmin() throws Exception {
        String customerId = api("/api/v1/customers?limit=1&minOrders=2").get("profiles").get(0).get("customerId")
                .asString();
        WebDriver browser = browser();
        try {
            signIn(browser, "admin", ADMIN_PASSWORD);
            for (Map.Entry<String, List<String>> page : PAGES.entrySet()) {
                String path = page.getKey().equals("overview") ? "/" : "/" + page.getKey();
                open(browser, path);
                screenshot(browser, page.getKey());
                assertNoErrorShown(browser, page.getKey());
                for (String chart : page.getValue()) {
                    assertThat(seriesPoints(browser, chart)).as(page.getKey() + " " + chart + " has data")
                            .isPositive();
                }
            }
            open(browser, "/customers/" + customerId);
            screenshot(browser, "customer");
            assertNoErrorShown(browser, "customer");
            assertThat(browser.findElements(By.cssSelector("#profile dd"))).as("profile facts").isNotEmpty();
            assertThat(browser.findElements(By.cssSelector("#timeline tbody tr"))).as("timeline rows").isNotEmpty();
            assertThat(seriesPoints(browser, "chart-prediction")).as("prediction with its interval").isPositive();
        } finally {
            browser.quit();
        }
    }

    @Test
    void aViewerSeesAggregatesButNoCustomerPage() throws Exception {
        String customerId = api("/api/v1/customers?limit=1").get("profiles").get(0).get("customerId").asString();
        HttpResponse<String> created = post("/api/v1/admin/users",
                "{\"username\":\"viewer1\",\"password\":\"viewer-password\",\"role\":\"viewer\"}");
        assertThat(created.statusCode()).as(created.body()).isIn(201, 409);
        WebDriver browser = browser();
        try {
            signIn(browser, "viewer1", "viewer-password");
            open(browser, "/");
            assertThat(seriesPoints(browser, "chart-revenue")).isPositive();
            assertThat(browser.findElements(By.linkText("Customers"))).as("no customers link for a viewer").isEmpty();

            browser.get(base + "/customers/" + customerId);
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.findElements(By.id("denied")).isEmpty());
            screenshot(browser, "viewer-customer-denied");
            assertThat(browser.findElements(By.id("profile"))).isEmpty();
            assertThat(browser.getPageSource()).doesNotContain(customerId + "</span>");
            Object status = ((JavascriptExecutor) browser).executeAsyncScript(
                    "const done = arguments[1]; fetch('/api/v1/customers/' + encodeURIComponent(arguments[0]))"
                            + ".then(r => done(r.status));", customerId);
            assertThat(status).as("the customer API refuses a viewer too").isEqualTo(403L);
        } finally {
            browser.quit();
        }
    }

    private static WebDriver browser() throws IOException {
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
                "--window-size=1400,1800",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        WebDriver driver = new ChromeDriver(options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }

    private static void signIn(WebDriver browser, String user, String password) {
        browser.get(base + "/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** Opens a page and waits until its script says every load is done. */
    private static void open(WebDriver browser, String path) {
        browser.get(base + path);
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> "true".equals(
                ((JavascriptExecutor) d).executeScript("return document.body.dataset.ready || null")));
    }

    private static long seriesPoints(WebDriver browser, String chart) {
        Object points = ((JavascriptExecutor) browser).executeScript(
                "const c = window.aftercartCharts[arguments[0]];"
                        + "if (!c || !document.querySelector('#' + arguments[0] + ' canvas')) return 0;"
                        + "return c.getOption().series.reduce((n, s) => n + (s.data || []).filter(v => v !== null"
                        + " && !(Array.isArray(v) && v.length === 0)).length, 0);", chart);
        return ((Number) points).longValue();
    }

    private static void assertNoErrorShown(WebDriver browser, String page) {
        assertThat(browser.findElements(By.cssSelector(".error, .state.error")).stream()
                .filter(e -> e.isDisplayed()).map(e -> e.getText()).toList())
                .as("errors shown on " + page).isEmpty();
        assertThat(((JavascriptExecutor) browser).executeScript("return document.body.dataset.failed || null"))
                .as("script failure on " + page).isNull();
    }

    private static void screenshot(WebDriver browser, String name) throws IOException {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Waits until the demo's history is folded into KPIs, profiles and a fitted churn model. */
    private static void awaitDemoData() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        boolean refitted = false;
        while (System.nanoTime() < deadline) {
            JsonNode orders = api("/api/v1/kpis/orders?granularity=month");
            JsonNode repeaters = api("/api/v1/customers?limit=1&minOrders=2");
            boolean enough = orders != null && orders.get("periods").size() >= 3
                    && repeaters != null && !repeaters.get("profiles").isEmpty();
            if (enough && !refitted) {
                refitted = post("/api/v1/models/churn/refit", "").statusCode() == 200;
            }
            JsonNode model = api("/api/v1/models/churn");
            if (enough && refitted && model != null && !model.get("current").isNull()) {
                return;
            }
            Thread.sleep(3000);
        }
        throw new AssertionError("The demo shop's data did not arrive within 4 minutes");
    }

    private static JsonNode api(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", admin()).GET().build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", admin())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String admin() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(UTF_8));
    }
}
