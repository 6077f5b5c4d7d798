function Get-OrcDefinitionText {
    <#
    .SYNOPSIS
        Returns a task's stored definition as the exact text in the store ('orc-exec define <task> --export').
    .DESCRIPTION
        The text is what Export-OrcTask writes and what a failed registration puts back. A task
        without a definition returns Found = $false and no error; other failures return an
        ErrorRecord for the caller to write.
    .PARAMETER Name
        The task.
    .PARAMETER StoreHome
        The store.
    .EXAMPLE
        (Get-OrcDefinitionText -Name db-export -StoreHome (Get-OrcStoreHome)).Json
    .OUTPUTS
        [pscustomobject] with Name, Found, Json, File and ErrorRecord.
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory)]
        [string] $Name,

        [Parameter(Mandatory)]
        [string] $StoreHome
    )

    $exported = Invoke-OrcExec -ArgumentList @('define', $Name, '--export') -StoreHome $StoreHome
    $record = @($exported.Records | Where-Object { $_.schema -eq 'orc.export/v1' }) | Select-Object -First 1
    if ($exported.ExitCode -eq 0 -and $record) {
        return [pscustomobject]@{ Name = $Name; Found = $true; Json = [string]$record.json; File = [string]$record.file; ErrorRecord = $null }
    }
    if ($exported.ExitCode -eq 10) {
        return [pscustomobject]@{ Name = $Name; Found = $false; Json = $null; File = $null; ErrorRecord = $null }
    }
    [pscustomobject]@{ Name = $Name; Found = $false; Json = $null; File = $null; ErrorRecord = (ConvertTo-OrcErrorRecord -Result $exported -TargetObject $Name) }
}
