function Test-OrcWindows {
    <#
    .SYNOPSIS
        Reports whether the module runs on Windows (Task Scheduler backend) or not (cron backend).
    .DESCRIPTION
        Windows PowerShell 5.1 has no $IsWindows and always runs on Windows. The edition test comes
        first so that $IsWindows is never read on 5.1, where Set-StrictMode would reject it.
        Tests mock this function to force either backend.
    .OUTPUTS
        System.Boolean
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param()

    if ($PSVersionTable.PSEdition -ne 'Core') {
        return $true
    }
    return [bool]$IsWindows
}
