function Wait-OrcTaskResult {
    <#
    .SYNOPSIS
        Polls a task's history until a finished run that started after -Since appears.
    .PARAMETER Name
        The task.
    .PARAMETER Since
        Only runs that started at or after this moment count.
    .PARAMETER TimeoutSec
        Give up after this many seconds and return nothing.
    .PARAMETER StoreHome
        The store.
    .PARAMETER PollMilliseconds
        The pause between two looks at the history.
    .OUTPUTS
        Orchestrator.TaskResult, or nothing on timeout.
    #>
    [CmdletBinding()]
    [OutputType('Orchestrator.TaskResult')]
    param(
        [Parameter(Mandatory)]
        [string] $Name,

        [Parameter(Mandatory)]
        [System.DateTimeOffset] $Since,

        [Parameter(Mandatory)]
        [int] $TimeoutSec,

        [string] $StoreHome,

        [int] $PollMilliseconds = 500
    )

    $deadline = [System.DateTime]::UtcNow.AddSeconds($TimeoutSec)
    $sinceText = $Since.UtcDateTime.ToString('yyyy-MM-ddTHH:mm:ssZ', [System.Globalization.CultureInfo]::InvariantCulture)
    while ($true) {
        $history = Invoke-OrcExec -ArgumentList @('history', $Name, '--since', $sinceText) -StoreHome $StoreHome
        if ($history.ExitCode -eq 0) {
            foreach ($record in @($history.Records)) {
                if ($record.schema -ne 'orc.result/v1' -or $record.status -eq 'RUNNING') { continue }
                $start = ConvertTo-OrcDateTime $record.start
                if ($null -ne $start -and $start.ToUniversalTime() -lt $Since.UtcDateTime) { continue }
                return ConvertTo-OrcTaskResultObject -Record $record
            }
        }
        if ([System.DateTime]::UtcNow -ge $deadline) {
            return
        }
        Start-Sleep -Milliseconds $PollMilliseconds
    }
}
