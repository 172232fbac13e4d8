import Foundation

extension SCIMClient {
    /// Sends the operations through `POST /Bulk`, in as many requests as `maxOperations` and
    /// `maxPayloadSize` (the provider's announced limits) call for, one after another. Returns one
    /// result per operation, in the order given: the provider's answer for it, or its failure (a
    /// non-2xx status of its own with the provider's detail, or the failure of the Bulk request
    /// that carried it). Never throws: a caller journals each operation's outcome on its own.
    ///
    /// Operations without a `bulkId` are given one (`op1`, `op2`, …) so each answer can be matched
    /// to its operation whatever order the provider answers in. A Bulk request made only of
    /// non-POST operations is retried like any idempotent request; one holding a POST is sent once.
    public func bulk(_ operations: [SCIMBulkOperation], maxOperations: Int?, maxPayloadSize: Int?,
                     failOnErrors: Int? = nil) async -> [Result<SCIMBulkOperationResult, SCIMClientError>] {
        var named = operations
        for index in named.indices where named[index].bulkId == nil {
            named[index].bulkId = "op\(index + 1)"
        }
        var results = named.map { operation -> Result<SCIMBulkOperationResult, SCIMClientError> in
            .failure(SCIMClientError(kind: .invalidRequest("not sent"), request: SCIMRequestSummary(operation)))
        }
        let (requests, tooLarge) = SCIMBulkRequest.split(named, maxOperations: maxOperations, maxPayloadSize: maxPayloadSize,
                                                         failOnErrors: failOnErrors)
        for index in tooLarge {
            let size = named[index].json.encoded().count
            results[index] = .failure(SCIMClientError(
                kind: .invalidRequest("the operation is \(size) bytes, more than the provider's Bulk maxPayloadSize of \(maxPayloadSize ?? 0)"),
                request: SCIMRequestSummary(named[index])))
        }
        for indices in requests {
            let chunk = indices.map { named[$0] }
            let answers = await sendBulk(chunk, failOnErrors: failOnErrors)
            for (position, index) in indices.enumerated() {
                results[index] = answers[position]
            }
        }
        return results
    }

    /// One `POST /Bulk` of these operations; a failure of the request as a whole is each operation's failure.
    private func sendBulk(_ operations: [SCIMBulkOperation], failOnErrors: Int?) async -> [Result<SCIMBulkOperationResult, SCIMClientError>] {
        let response: SCIMBulkResponse
        do {
            let request = try makeRequest("POST", path: "Bulk", body: SCIMBulkRequest(operations, failOnErrors: failOnErrors).json)
            let idempotent = operations.allSatisfy { $0.method != .post }
            let answer = try await send(request, retry: idempotent ? nil : .never)
            do {
                response = try SCIMBulkResponse(json: try Self.decodeJSON(answer, request: request))
            } catch let error as SCIMDecodingError {
                throw Self.notSCIM("malformed BulkResponse: \(error.reason)", answer, request)
            }
        } catch {
            let failure = Self.clientError(error)
            return operations.map { _ in .failure(failure) }
        }
        return operations.enumerated().map { position, operation in
            let answer = response.operations.first { $0.bulkId != nil && $0.bulkId == operation.bulkId }
                // A provider that drops bulkIds but answers every operation answers them in order.
                ?? (response.operations.count == operations.count && response.operations[position].bulkId == nil
                    ? response.operations[position] : nil)
            guard let answer else {
                let reason = failOnErrors != nil
                    ? "not run: the provider stopped the Bulk request after \(failOnErrors ?? 0) failed operations"
                    : "the provider's BulkResponse says nothing of this operation: it may not have run"
                return .failure(SCIMClientError(kind: .invalidRequest(reason), request: SCIMRequestSummary(operation)))
            }
            if let error = answer.error(for: operation) { return .failure(error) }
            return .success(answer)
        }
    }

    private static func clientError(_ error: any Error) -> SCIMClientError {
        if let error = error as? SCIMClientError { return error }
        if error is CancellationError { return SCIMClientError(kind: .transport(.cancelled)) }
        return SCIMClientError(kind: .transport(.failed(code: -1, detail: "\(error)")))
    }
}
