function Send-OrcLegacyCloseRequest {
    <#
    .SYNOPSIS
        Asks a process to stop on its own: SIGTERM on Unix, taskkill /PID (a close request, no /F) on Windows.
    .PARAMETER ProcessId
        The process ID.
    .OUTPUTS
        None
    #>
    [CmdletBinding()]
    [OutputType([void])]
    param(
        [Parameter(Mandatory)]
        [int] $ProcessId
    )

    if (Test-OrcWindows) {
        $taskkill = Join-Path (Join-Path $env:SystemRoot 'System32') 'taskkill.exe'
        & $taskkill /PID $ProcessId 2>&1 | Write-Verbose
        return
    }
    & kill -TERM $ProcessId 2>&1 | Write-Verbose
}
