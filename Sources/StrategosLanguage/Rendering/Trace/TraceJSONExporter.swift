import ByzantineEngine

/// The whole trace as one JSON document; the schema is in docs/trace-json.md.
enum TraceJSONExporter {
    static func document(_ run: RunReport, trace: Trace) -> String {
        let words = TraceVocabulary(run: run)
        var header = JSONWriter()
        header.setting(of: run)
        header.field("values", run.values)
        let messages = words.readingOrder(trace.messages).map { message -> String in
            var object = JSONWriter()
            object.field("round", message.round)
            object.field("path", message.path.map(words.general))
            object.field("receiver", words.general(message.receiver))
            if let destination = message.destination, destination != message.receiver {
                object.field("destination", words.general(destination))
            }
            object.field("loyal", words.value(message.loyalValue))
            object.field("value", message.value.map(words.value))
            object.field("disposition", disposition(message.disposition))
            if message.delay > 0 { object.field("delay", message.delay) }
            return object.finished()
        }
        let majorities = trace.majorities.map { majority -> String in
            var object = JSONWriter()
            object.field("path", majority.path.map(words.general))
            object.field("lieutenant", words.general(majority.lieutenant))
            object.field("inputs", pairs: majority.inputs.map { (words.general($0.from), words.value($0.value)) })
            object.field("result", words.value(majority.result))
            return object.finished()
        }
        header.field("messages", objects: messages, onSeparateLines: true)
        header.field("majorities", objects: majorities, onSeparateLines: true)
        return header.finished() + "\n"
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
