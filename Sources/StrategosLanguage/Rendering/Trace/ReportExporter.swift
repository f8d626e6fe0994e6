import ByzantineEngine

/// `export report "run.html"`: the last run as one page that needs nothing
/// but a browser, no network, no script or font from elsewhere. The army,
/// its faulty generals and rules, the decisions and IC1/IC2; each round as
/// a figure with its messages, stepped through with buttons or the arrow
/// keys (← → a round, ↑ ↓ a message, whose arrow the figure highlights);
/// each loyal lieutenant's decision tree, folded; the counterexample's
/// script when the run is verify's; and the script. A Two Generals run is
/// stepped messenger by messenger instead.
enum ReportExporter {
    /// Rounds are drawn for armies up to this size; larger ones list their messages only.
    static let largestDrawnArmy = 25
    /// A round lists at most this many messages; the trace export has them all.
    static let messagesListed = 400

    /// The page, or nil when the run kept no trace to draw.
    static func html(_ subject: ReportSubject, script: String) -> String? {
        let page: (title: String, step: String, body: [String])
        switch subject {
        case .run(let run):
            guard let trace = run.trace else { return nil }
            page = (run.title, "round", byzantine(run, trace: trace))
        case .counterexample(let run, let counterexample):
            guard let trace = run.trace else { return nil }
            let introduction = "<p class=\"counterexample\">the counterexample the last <code>verify</code> found, replayed"
                + " (the script it printed is at the end of the page)</p>"
            page = (run.title, "round", [introduction] + byzantine(run, trace: trace)
                + ["<h2>Counterexample script</h2><pre class=\"script counterexample\">\(escaped(counterexample))</pre>"])
        case .twoGenerals(let run):
            page = (run.call, "messenger", twoGenerals(run))
        }
        let body = page.body + ["<h2>Script</h2><pre class=\"script\">\(escaped(script))</pre>"]
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>\(escaped(page.title)) · Strategos</title>
            <style>\(style)</style></head>
            <body data-step="\(page.step)">
            \(body.joined(separator: "\n"))
            <script>\(stepping)</script>
            </body></html>

            """
    }

    /// Buttons that step through the sections (`round`, `messenger`) and their messages.
    static func controls(step: String) -> String {
        """
        <p class="controls"><button id="previous-round">◀ \(step)</button> <span id="position"></span> <button id="next-round">\(step) ▶</button>
        <button id="previous-message">◀ message</button> <button id="next-message">message ▶</button>
        <span class="hint">keys: ← → a \(step), ↑ ↓ a message</span></p>
        """
    }

    private static func byzantine(_ run: RunReport, trace: Trace) -> [String] {
        let words = TraceVocabulary(run: run)
        let rounds = Set(trace.messages.map(\.round)).sorted()
        var body: [String] = []
        body.append("<h1>\(escaped(run.title)) · \(run.generals.count) generals</h1>")
        body.append("<p>commander <b>\(escaped(run.commander))</b> orders <b>\(escaped(run.order))</b> · default \(escaped(run.defaultValue))</p>")
        if run.faulty.isEmpty {
            body.append("<p>faulty: none</p>")
        } else {
            body.append("<ul class=\"faulty\">" + run.faulty.map { general in
                "<li>faulty <b>\(escaped(general))</b>: " + escaped(ScriptPrinter.text(of: run.rules[general] ?? [])) + "</li>"
            }.joined() + "</ul>")
        }
        body.append("<table class=\"decisions\"><tr><th>lieutenant</th><th>decides</th></tr>" + run.rows.map { row in
            "<tr><td>\(escaped(row.lieutenant))</td><td>\(row.decision.map { escaped($0) } ?? "<i>faulty</i>")</td></tr>"
        }.joined() + "</table>")
        body.append("<p>IC1 agreement \(verdict(run.agreement)) · IC2 validity \(verdict(run.validity)) · \(run.messages) messages in \(run.rounds) rounds</p>")

        body.append("<h2>Rounds</h2>")
        body.append(controls(step: "round"))
        let drawn = run.generals.count <= largestDrawnArmy
        if !drawn { body.append("<p>rounds are drawn for up to \(largestDrawnArmy) generals; this army's messages are listed only</p>") }
        for round in rounds {
            let messages = words.readingOrder(trace.messages.filter { $0.round == round })
            var section = "<section class=\"round\" data-round=\"\(round)\"><h3>round \(round) · \(messages.count) messages</h3>"
            if drawn { section += inline(SVGExporter.round(round, of: run, trace: trace)) }
            section += "<ol class=\"messages\">" + messages.prefix(messagesListed).map { message in
                let remark = words.remark(message)
                let label = escaped(words.route(message) + " " + words.mark(message))
                return "<li class=\"\(kind(message))\" data-pair=\"\(message.sender)-\(message.receiver)\" data-label=\"\(label)\">"
                    + "\(escaped(words.route(message))) <b>\(escaped(words.mark(message)))</b>"
                    + (remark.isEmpty ? "" : " <span class=\"remark\">\(escaped(remark))</span>") + "</li>"
            }.joined() + "</ol>"
            if messages.count > messagesListed {
                section += "<p>\(messages.count - messagesListed) more messages; `export trace` writes them all</p>"
            }
            body.append(section + "</section>")
        }

        body.append("<h2>Decisions</h2>")
        for row in run.rows where row.decision != nil {
            let tree = DecisionTree(run: run, trace: trace, lieutenant: row.lieutenant)
            body.append("<details class=\"tree\"><summary>\(escaped(tree.title))</summary><ul>\(node(tree.root))</ul></details>")
        }
        return body
    }

    static func verdict(_ holds: Bool) -> String {
        holds ? "<span class=\"holds\">holds</span>" : "<span class=\"fails\">FAILS</span>"
    }

    private static func node(_ node: DecisionTree.Node) -> String {
        let label = "<span class=\"\(node.isSuspect ? "suspect" : "plain")\">\(node.isSuspect ? "! " : "")\(escaped(node.label))</span>"
            + (node.detail.isEmpty ? "" : " <span class=\"remark\">\(escaped(node.detail))</span>")
        return "<li>" + label + (node.children.isEmpty ? "" : "<ul>" + node.children.map(self.node).joined() + "</ul>") + "</li>"
    }

    /// The CSS class of a message, as the figure colours it.
    private static func kind(_ message: Trace.Message) -> String {
        switch message.disposition {
        case .discarded: "forged"
        case .dropped: "dropped"
        case .lost, .blocked, .timedOut: "network"
        case .received, .accepted, .duplicate: message.isLie ? "lie" : "loyal"
        }
    }

    /// An SVG document as an element of the page.
    static func inline(_ svg: String) -> String {
        svg.split(separator: "\n").filter { !$0.hasPrefix("<?xml") }.joined(separator: "\n")
    }

    static func escaped(_ text: String) -> String {
        SVGDocument.escaped(text)
    }

    private static let style = """
        body { font-family: sans-serif; margin: 2em; max-width: 60em; color: #222; }
        .holds { color: #2e7d32; font-weight: bold; } .fails { color: #c62828; font-weight: bold; }
        table.decisions td, table.decisions th { padding: 0.1em 1em; text-align: left; }
        section.round { display: none; } section.round.current { display: block; }
        li.lie { color: #c62828; } li.forged { color: #ef6c00; } li.dropped { color: #757575; } li.network { color: #1565c0; }
        li.current { background: #fff59d; } line.current { stroke-width: 3; }
        text.focus { font-size: 12px; font-weight: bold; fill: #000; text-anchor: middle; paint-order: stroke; stroke: #fff59d; stroke-width: 4px; }
        .remark { color: #757575; } .suspect { color: #c62828; } .hint { color: #757575; font-size: 0.9em; }
        pre.script { background: #f5f5f5; padding: 1em; }
        """

    /// Step through rounds and messages: the current round's section is
    /// shown, the current message and its arrow are highlighted.
    private static let stepping = """
        (function () {
          var rounds = Array.prototype.slice.call(document.querySelectorAll('section.round'));
          var round = 0, message = -1;
          function show() {
            rounds.forEach(function (section, index) { section.classList.toggle('current', index === round); });
            var section = rounds[round];
            if (!section) { return; }
            var items = section.querySelectorAll('ol.messages li');
            Array.prototype.forEach.call(section.querySelectorAll('.current'), function (element) { element.classList.remove('current'); });
            var arrow = null;
            if (message >= 0 && items[message]) {
              items[message].classList.add('current');
              arrow = section.querySelector('line.arrow[data-pair="' + items[message].getAttribute('data-pair') + '"]');
              if (arrow) { arrow.classList.add('current'); }
            }
            // The message itself, written on its arrow: an arrow carries all a
            // sender's messages to one receiver in a round, the label says which one.
            var figure = section.querySelector('svg');
            var focus = figure && figure.querySelector('text.focus');
            if (figure && !focus) {
              focus = document.createElementNS('http://www.w3.org/2000/svg', 'text');
              focus.setAttribute('class', 'focus');
              figure.appendChild(focus);
            }
            if (focus) {
              focus.textContent = arrow ? items[message].getAttribute('data-label') : '';
              if (arrow) {
                var middle = function (a, b) { return (parseFloat(arrow.getAttribute(a)) + parseFloat(arrow.getAttribute(b))) / 2; };
                focus.setAttribute('x', middle('x1', 'x2'));
                focus.setAttribute('y', middle('y1', 'y2') - 8);
              }
            }
            document.getElementById('position').textContent = (document.body.getAttribute('data-step') || 'round') + ' '
              + section.getAttribute('data-round') + ' of ' + rounds.length
              + (message >= 0 ? ' · message ' + (message + 1) + ' of ' + items.length : '');
          }
          function stepRound(by) { round = Math.max(0, Math.min(rounds.length - 1, round + by)); message = -1; show(); }
          function stepMessage(by) {
            var count = rounds[round] ? rounds[round].querySelectorAll('ol.messages li').length : 0;
            message = Math.max(-1, Math.min(count - 1, message + by)); show();
          }
          document.getElementById('previous-round').onclick = function () { stepRound(-1); };
          document.getElementById('next-round').onclick = function () { stepRound(1); };
          document.getElementById('previous-message').onclick = function () { stepMessage(-1); };
          document.getElementById('next-message').onclick = function () { stepMessage(1); };
          document.addEventListener('keydown', function (event) {
            var steps = { ArrowLeft: function () { stepRound(-1); }, ArrowRight: function () { stepRound(1); },
                          ArrowUp: function () { stepMessage(-1); }, ArrowDown: function () { stepMessage(1); } };
            if (steps[event.key]) { steps[event.key](); event.preventDefault(); }
          });
          show();
        })();
        """
}
