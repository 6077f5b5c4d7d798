function Get-OrcExecutableVersion {
    <#
    .SYNOPSIS
        Asks an orc-exec binary for its version ('orc-exec version --output json') and returns it in
        a form that compares semantically.
    .DESCRIPTION
        Two editions (Windows PowerShell 5.1 and PowerShell 7) may load different versions of the
        module, which install one shared orc-exec: Install-OrcExecutable compares the two versions
        with Compare-OrcExecutableVersion instead of replacing whatever differs.
        A binary that does not run or does not answer with an orc.version/v1 record gives $null.
    .PARAMETER Path
        The orc-exec binary.
    .EXAMPLE
        (Get-OrcExecutableVersion -Path 'C:\Program Files\Orchestrator\orc-exec.exe').Version
    .OUTPUTS
        [pscustomobject] with Version (the text), Number ([version] of major.minor.patch),
        Prerelease (text after '-', or '') and Commit; or $null.
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory)]
        [string] $Path
    )

    if (-not (Test-Path -LiteralPath $Path -PathType Leaf)) { return $null }
    # Copy the value now: the PSVariable object would show the new exit code later.
    $savedExitCode = $null
    if (Test-Path -LiteralPath 'variable:global:LASTEXITCODE') { $savedExitCode = @($global:LASTEXITCODE) }
    $ErrorActionPreference = 'Continue'
    $PSNativeCommandUseErrorActionPreference = $false
    $output = $null
    try {
        $output = @(& $Path version --output json 2>$null)
    }
    catch {
        Write-Verbose "Could not run '$Path version': $($_.Exception.Message)"
    }
    finally {
        if ($null -ne $savedExitCode) { $global:LASTEXITCODE = $savedExitCode[0] } else { Remove-Variable -Name LASTEXITCODE -Scope Global -ErrorAction Ignore }
    }
    foreach ($record in @(ConvertFrom-OrcJsonLine -Line ([string[]]$output))) {
        if (-not $record.PSObject.Properties['schema'] -or $record.schema -ne 'orc.version/v1' -or -not $record.PSObject.Properties['version']) { continue }
        $text = ([string]$record.version).TrimStart('v')
        $match = [regex]::Match($text, '^(?<core>\d+(\.\d+){0,3})(-(?<pre>[0-9A-Za-z.-]+))?(\+[0-9A-Za-z.-]+)?$')
        if (-not $match.Success) { return $null }
        $core = $match.Groups['core'].Value
        while (($core.ToCharArray() | Where-Object { $_ -eq '.' }).Count -lt 2) { $core += '.0' }
        $commit = ''
        if ($record.PSObject.Properties['commit']) { $commit = [string]$record.commit }
        return [pscustomobject]@{
            Version    = [string]$record.version
            Number     = [version]$core
            Prerelease = $match.Groups['pre'].Value
            Commit     = $commit
        }
    }
    return $null
}
