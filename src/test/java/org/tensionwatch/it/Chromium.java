package org.tensionwatch.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by its own chromedriver ({@code apt-get install chromium
 * chromium-driver}; {@code .ci/run} installs both). Nothing is downloaded: the binary and the
 * driver are given, so Selenium Manager is not asked for either. A missing browser fails the test
 * with the command that installs it; it never skips.
 */
final class Chromium {

    static final String BINARY = System.getProperty("chromium.binary", "/usr/bin/chromium");
    static final String DRIVER = System.getProperty("chromium.driver", "/usr/bin/chromedriver");

    private Chromium() {
    }

    /** A fresh browser with its own profile directory under {@code profileDir}, its window {@code width} x {@code height}. */
    static ChromeDriver start(Path profileDir, int width, int height) {
        for (String file : new String[] {BINARY, DRIVER}) {
            if (!Files.isExecutable(Path.of(file))) {
                throw new AssertionError("The dashboard's browser test needs Chromium and its driver, and " + file
                        + " is missing. Install them with: sudo apt-get install -y chromium chromium-driver "
                        + "(Debian/Ubuntu; .ci/run does this), or point -Dchromium.binary= and -Dchromium.driver= at them.");
            }
        }
        try {
            Files.createDirectories(profileDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profileDir.toAbsolutePath(), "--window-size=" + width + "," + height,
                "--lang=en-US", "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(DRIVER).toFile())
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(60))
                .build();
        return new ChromeDriver(service, options);
    }
}
