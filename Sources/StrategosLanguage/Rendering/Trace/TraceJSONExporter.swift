import ByzantineEngine

/// The whole trace as JSON: one document for `export trace "run.json"`, or
/// JSON Lines for `--trace-format json`, one object per line; the schemas are in
/// docs/trace-json.md and docs/schema/.
enum TraceJSONExporter {
    static func document(_ run: RunReport, trace: Trace) -> String {
        let parts = Parts(run, trace: trace)
        var header = parts.header
        header.field("messages", objects: parts.messages.map { $0.finished() }, onSeparateLines: true)
        header.field("majorities", objects: parts.majorities.map { $0.finished() }, onSeparateLines: true)
        return header.finished() + "\n"
    }

    /// The header, then each message and each majority numbered from 1 under
    /// a first key that says which it is.
    static func lines(_ run: RunReport, trace: Trace) -> String {
        let parts = Parts(run, trace: trace)
        let numbered = { (key: String, objects: [JSONWriter]) in
            objects.enumerated().map { offset, object in
                var line = JSONWriter()
                line.field(key, offset + 1)
                return line.merging(object).finished()
            }
        }
        let lines = [parts.header.finished()] + numbered("message", parts.messages) + numbered("majority", parts.majorities)
        return lines.map { $0 + "\n" }.joined()
    }

    /// The run's setting, its messages in reading order and its majorities, each an object still open.
    private struct Parts {
        var header = JSONWriter()
        var messages: [JSONWriter]
        var majorities: [JSONWriter]

        init(_ run: RunReport, trace: Trace) {
            let words = TraceVocabulary(run: run)
            header.setting(of: run)
            header.field("values", run.values)
            messages = words.readingOrder(trace.messages).map { message in
                var object = JSONWriter()
                object.field("round", message.round)
                object.field("path", message.path.map(words.general))
                object.field("receiver", words.general(message.receiver))
                if let destination = message.destination, destination != message.receiver {
                    object.field("destination", words.general(destination))
                }
                object.field("loyal", words.value(message.loyalValue))
                object.field("value", message.value.map(words.value))
                object.field("disposition", TraceJSONExporter.disposition(message.disposition))
                if message.delay > 0 { object.field("delay", message.delay) }
                return object
            }
            majorities = trace.majorities.map { majority in
                var object = JSONWriter()
                object.field("path", majority.path.map(words.general))
                object.field("lieutenant", words.general(majority.lieutenant))
                object.field("inputs", pairs: majority.inputs.map { (words.general($0.from), words.value($0.value)) })
                object.field("result", words.value(majority.result))
                return object
            }
        }
    }

    private static func disposition(_ disposition: Trace.Message.Disposition) -> String {
        switch disposition {
        case .received: "received"
        case .accepted: "accepted"
        case .duplicate: "duplicate"
        case .discarded: "discarded"
        case .dropped: "dropped"
        case .lost: "lost"
        case .blocked: "blocked"
        case .timedOut: "timedOut"
        }
    }
}
