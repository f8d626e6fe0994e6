import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import StrategosLanguage

/// An exported report in a real browser: headless Chromium driven through
/// WebDriver (`chromedriver`, which `.ci/setup` installs with Chromium).
/// The page must load without a console error, start at round 1, and follow
/// the step keys: → to round 2, ↓ to its first message, whose arrow the
/// figure then highlights. A screenshot of the stepped page is kept, and
/// the SVG exports are rendered by the same browser.
@Suite(.serialized) struct ReportBrowserTests {
    /// A WebDriver session against one chromedriver.
    struct Browser {
        let base: URL
        let session: String

        static func start(port: Int) async throws -> (Process, Browser) {
            let driver = Process()
            driver.executableURL = URL(fileURLWithPath: "/usr/bin/chromedriver")
            driver.arguments = ["--port=\(port)"]
            driver.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
            driver.standardError = FileHandle(forWritingAtPath: "/dev/null")
            try driver.run()
            let base = URL(string: "http://127.0.0.1:\(port)")!
            for _ in 0..<100 {
                if let status = try? await call(base.appendingPathComponent("status"), method: "GET"),
                   (status["value"] as? [String: Any])?["ready"] as? Bool == true { break }
                try await Task.sleep(nanoseconds: 100_000_000)
            }
            let capabilities: [String: Any] = ["capabilities": ["alwaysMatch": [
                "browserName": "chrome",
                "goog:chromeOptions": ["binary": "/usr/bin/chromium", "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1200,1400"]],
                "goog:loggingPrefs": ["browser": "ALL"],
            ]]]
            let created = try await call(base.appendingPathComponent("session"), method: "POST", body: capabilities)
            let value = try #require(created["value"] as? [String: Any])
            return (driver, Browser(base: base, session: try #require(value["sessionId"] as? String)))
        }

        static func call(_ url: URL, method: String, body: [String: Any]? = nil) async throws -> [String: Any] {
            let payload = try body.map { try JSONSerialization.data(withJSONObject: $0) } ?? Data()
            let data = try LocalHTTP.request(method, port: url.port ?? 80, path: url.path, body: payload)
            return (try JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
        }

        func command(_ path: String, method: String = "POST", _ body: [String: Any] = [:]) async throws -> Any? {
            let url = base.appendingPathComponent("session/\(session)/\(path)")
            return try await Self.call(url, method: method, body: method == "GET" ? nil : body)["value"]
        }

        func script(_ source: String) async throws -> Any? {
            try await command("execute/sync", ["script": source, "args": []])
        }

        func press(_ key: String) async throws {
            let actions: [[String: Any]] = [["type": "keyDown", "value": key], ["type": "keyUp", "value": key]]
            _ = try await command("actions", ["actions": [["type": "key", "id": "keyboard", "actions": actions]]])
        }
    }

    static var available: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium") && FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver")
    }

    @Test func aReportStepsThroughItsRoundsInChromium() async throws {
        try #require(Self.available, "headless Chromium and chromedriver are needed: .ci/setup installs them (apt-get install chromium chromium-driver)")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("strategos-report-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let (result, files) = ExportTests.exports(of: ExportTests.fig3 + "\nexport report \"fig3.html\"")
        #expect(result.errors.isEmpty)
        let page = directory.appendingPathComponent("fig3.html")
        try #require(files["fig3.html"]).write(to: page, atomically: true, encoding: .utf8)

        let (driver, browser) = try await Browser.start(port: 9515 + Int(ProcessInfo.processInfo.processIdentifier % 400))
        defer { driver.terminate() }
        _ = try await browser.command("url", ["url": page.absoluteString])
        let position = "return document.getElementById('position').textContent"
        #expect(try await browser.script(position) as? String == "round 1 of 2")
        #expect(try await browser.script("return document.querySelector('section.round.current h3').textContent") as? String == "round 1 · 3 messages")
        try await browser.press("\u{E014}")  // →
        #expect(try await browser.script(position) as? String == "round 2 of 2")
        try await browser.press("\u{E015}")  // ↓
        #expect(try await browser.script(position) as? String == "round 2 of 2 · message 1 of 6")
        #expect(try await browser.script("return document.querySelector('li.current').textContent") as? String == "C → L1 → L2 attack")
        #expect(try await browser.script("return document.querySelectorAll('section.round.current line.arrow.current').length") as? Int == 1)
        // The message is written on its arrow, which may carry several of one sender's messages.
        #expect(try await browser.script("return document.querySelector('section.round.current text.focus').textContent") as? String
            == "C → L1 → L2 attack")
        try await browser.press("\u{E012}")  // ←
        #expect(try await browser.script(position) as? String == "round 1 of 2")
        // Five presses of ↓ in round 2 reach L3's lies, marked in the list.
        try await browser.press("\u{E014}")
        for _ in 0..<5 { try await browser.press("\u{E015}") }
        #expect((try await browser.script("return document.querySelector('li.current').className") as? String)?.contains("lie") == true)

        let logs = try await browser.command("se/log", ["type": "browser"]) as? [[String: Any]] ?? []
        let errors = logs.filter { ($0["level"] as? String) == "SEVERE" }
        #expect(errors.isEmpty, "console errors: \(errors)")
        if let shot = try await browser.command("screenshot", method: "GET") as? String, let png = Data(base64Encoded: shot) {
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG")
            let docs = ExampleGoldenTests.repository.appendingPathComponent("docs/report-fig3.png")
            if GoldenFile.updating { try png.write(to: docs) }
        } else {
            Issue.record("no screenshot")
        }
        // The SVG exports render too: every arrow of Fig. 3's trace is drawn, and the tree's lines.
        for (name, elements, count) in [("fig3.svg", "line.arrow", 8), ("fig3-tree-L1.svg", "text", 5)] {
            let file = directory.appendingPathComponent(name)
            try #require(files[name]).write(to: file, atomically: true, encoding: .utf8)
            _ = try await browser.command("url", ["url": file.absoluteString])
            let drawn = try await browser.script("return document.querySelectorAll('\(elements)').length") as? Int ?? 0
            #expect(drawn >= count, "\(name): \(drawn) \(elements)")
            let width = try await browser.script("return document.documentElement.getBoundingClientRect().width") as? Double ?? 0
            #expect(width > 100, "\(name) has a size in the browser")
        }
        // A Two Generals report steps messenger by messenger; a report after
        // verify is its counterexample's, with the script verify printed.
        let (_, twoGenerals) = ExportTests.exports(of: ExportTests.twoGeneralsReport)
        let twoGeneralsPage = directory.appendingPathComponent("tg.html")
        try #require(twoGenerals["tg.html"]).write(to: twoGeneralsPage, atomically: true, encoding: .utf8)
        _ = try await browser.command("url", ["url": twoGeneralsPage.absoluteString])
        #expect(try await browser.script(position) as? String == "messenger 1 of 3")
        try await browser.press("\u{E014}")
        #expect(try await browser.script("return document.querySelector('section.round.current h3').textContent") as? String
            == "messenger 2 · B → A · captured by the city")
        #expect(try await browser.script("return document.querySelectorAll('section.round.current line.arrow').length") as? Int == 2)
        try await browser.press("\u{E015}")
        try await browser.press("\u{E015}")
        #expect(try await browser.script("return document.querySelector('li.current').className") as? String == "network current")
        let (_, verified) = ExportTests.exports(of: ExportTests.counterexampleReport)
        let counterexamplePage = directory.appendingPathComponent("attack.html")
        try #require(verified["attack.html"]).write(to: counterexamplePage, atomically: true, encoding: .utf8)
        _ = try await browser.command("url", ["url": counterexamplePage.absoluteString])
        #expect(try await browser.script(position) as? String == "round 1 of 2")
        #expect((try await browser.script("return document.querySelector('pre.counterexample').textContent") as? String)?
            .hasSuffix("run om(1)\nexpect violation\n") == true)
        let svgLogs = try await browser.command("se/log", ["type": "browser"]) as? [[String: Any]] ?? []
        #expect(svgLogs.filter { ($0["level"] as? String) == "SEVERE" }.isEmpty, "console errors: \(svgLogs)")
        _ = try await Browser.call(browser.base.appendingPathComponent("session/\(browser.session)"), method: "DELETE")
    }
}

/// HTTP/1.1 to a server on this machine, over a plain socket: enough for
/// WebDriver's JSON, without URLSession, whose Linux build cannot read
/// chromedriver's replies ("Failed writing header").
enum LocalHTTP {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func request(_ method: String, port: Int, path: String, body: Data) throws -> Data {
        let handle = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard handle >= 0 else { throw Failure(description: "no socket") }
        defer { close(handle) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(handle, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(description: "cannot connect to port \(port)") }
        let head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Type: application/json\r\n"
            + "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        let request = Data(head.utf8) + body
        try request.withUnsafeBytes { bytes in
            var sent = 0
            while sent < bytes.count {
                let written = send(handle, bytes.baseAddress! + sent, bytes.count - sent, 0)
                guard written > 0 else { throw Failure(description: "cannot send") }
                sent += written
            }
        }
        // Read to the end of the body: its length, or the last chunk.
        var response = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        func complete() -> Bool {
            guard let split = response.range(of: Data("\r\n\r\n".utf8)) else { return false }
            let headers = String(decoding: response[..<split.lowerBound], as: UTF8.self).lowercased()
            if let line = headers.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
               let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) {
                return response.count - split.upperBound >= length
            }
            return response.suffix(5) == Data("0\r\n\r\n".utf8)
        }
        while !complete() {
            let count = recv(handle, &buffer, buffer.count, 0)
            if count <= 0 { break }
            response.append(contentsOf: buffer[0..<count])
        }
        guard let split = response.range(of: Data("\r\n\r\n".utf8)) else { throw Failure(description: "no reply") }
        let headers = String(decoding: response[..<split.lowerBound], as: UTF8.self).lowercased()
        let payload = response[split.upperBound...]
        guard headers.contains("transfer-encoding: chunked") else { return Data(payload) }
        // Chunked: sizes in hexadecimal, each followed by its bytes.
        var decoded = Data()
        var rest = Data(payload)
        while let line = rest.range(of: Data("\r\n".utf8)),
              let size = Int(String(decoding: rest[..<line.lowerBound], as: UTF8.self), radix: 16), size > 0 {
            let start = line.upperBound
            decoded.append(rest[start..<(start + size)])
            rest = Data(rest[(start + size + 2)...])
        }
        return decoded
    }
}
