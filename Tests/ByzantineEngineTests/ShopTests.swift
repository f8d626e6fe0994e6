import Testing
@testable import ByzantineEngine

@Suite struct ShopTests {
    @Test func withTheRollbackEveryLossPatternEndsConsistent() {
        let outcomes = Shop(rollback: true).everyOutcome
        #expect(outcomes.count == 8)
        #expect(outcomes.allSatisfy { $0.isConsistent })
    }

    @Test func withoutItALostParcelLeavesTheCustomerPayingForNothing() {
        let inconsistent = Shop(rollback: false).everyOutcome.filter { !$0.isConsistent }
        #expect(inconsistent.map(\.lost) == [[.parcel], [.parcel, .refund]])
        #expect(inconsistent.allSatisfy { $0.ending == .paidWithoutGoods })
    }

    @Test func theShopDispatchesOnlyAfterThePayment() {
        for rollback in [false, true] {
            let outcome = Shop(rollback: rollback).outcome(losing: [.payment])
            #expect(outcome.parcel == .notSent)
            #expect(outcome.ending == .noSale)
        }
    }

    @Test func aLostRefundIsResent() {
        let outcome = Shop(rollback: true).outcome(losing: [.parcel, .refund])
        #expect(outcome.refund == .arrivedWhenResent)
        #expect(outcome.ending == .refunded)
        // No parcel lost, no refund sent, whatever the city does to it.
        #expect(Shop(rollback: true).outcome(losing: [.refund]).refund == .notSent)
    }
}
